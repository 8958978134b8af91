"""Patterns for messages that are not ours to act on: answers to a question, room
bookings, restaurant tables and flights, timers and reminders, accept/decline, "stop this
dialogue", messages to attendees, and cancelling or changing things that are not meetings.
A match makes the intent `unknown` (see nlu.intents)."""

from __future__ import annotations

ANSWER = (
    r"^(?:yes|yeah|yep|yup|sure|ok|okay|no|nope|nah|cancel that|never ?mind|thanks|"
    r"thank you|y|n)[.!]*$"
)

NOT_OURS = (
    # room bookings, timers, reminders, accept/decline, "stop this dialogue", chatter
    r"\b(?:book|reserve|rent|hire|find|get|grab|need|want|free up|block|"
    r"schedule)\s+(?:me\s+|us\s+)?(?:a\s+|an\s+|the\s+|another\s+|one\s+|"
    r"some\s+)?(?:[\w/.-]+\s+){0,4}?(?:room|rooms|rm|hall|suite|space|venue|desk|"
    r"boardroom|location|place|auditorium|salon|apartment|hotel|floor)\b"
    r"|^(?:please\s+)?book\b(?!.*\b(?:meeting|call|zoom|appointment|appt|sync|session|"
    r"interview|oneonone|standup|demo|review|chat|catch ?up)\b)"
    r"|\breservation\b.*\b(?:room|hall)\b|\breserve\b|\bbook\b.*\b(?:room|rooms|rm|rom|hall)\b"
    r"|\b(?:don'?t|do not|doesn'?t|won'?t|never|no longer)\b(?: (?:want|"
    r"need)(?: want)? to)? (?:change|cancel|create|move|schedule|delete|do|make|add)\b"
    r"|^(?:please\s+)?(?:attend|advise)\b|\b(?:i am|i'm|running) late\b|^no,"
    r"|^(?:please\s+)?(?:message|notify|inform|email|text|ping|send (?:a |an |"
    r"out )?(?:a )?(?:message|note|email|notification|reminder))\b"
    r"|\b(?:to|notify|inform|tell|message) (?:all )?(?:the )?(?:attendees|participants|"
    r"everyone|colleagues)\b|\bnotification\b|\b(?:timer|alarm|stopwatch|weather|forecast|"
    r"temperature|recipe|song|music|playlist)\b"
    r"|\bremind(?:er)?\b(?!.*\b(?:attendees?|participants|everyone)\b)|"
    r"^(?:please\s+)?(?:accept|decline|reject|rsvp|tentatively)\b|\bi(?:'ll|"
    r" will) attend\b"
    r"|\bcancel (?:the |this )?(?:creat|chang|process|request|operation|dialog|"
    r"conversation|search)|\bnever ?mind\b|\bforget (?:it|about)\b|^(?:quit|stop|exit)\b"
    r"|^(?:please\s+)?(?:tell|notify|inform|message|email|text|let)\b.*\b(?:that|know)\b|"
    r"^not\b|^(?:wrong|neither|none|all of them|i want them)\b"
    # asking the clock is not asking about a meeting
    r"|^what(?:'s| is) the time\b|^what time is it\b"
)

BOOKINGS = (
    r"\b(?:book|reserve|order|rent|hire)\b.*\b(?:tables?|restaurant|flights?|hotels?|taxi|cab|"
    r"rides?|car|tickets?|seats?|spa|massage|haircut|trip|holiday|vacation)\b"
    r"|\b(?:playlist|song|album|shopping list|grocery list|to-?do list|cart|basket)\b"
)
OTHER_THINGS = (
    r"\b(?:cancel|delete|remove|move|reschedule|change|update|book|order|rename)\s+"
    r"(?:my |the |this |that |a |an |our )?(?:[\w'-]+\s+){0,2}?(?:subscriptions?|orders?|accounts?|"
    r"membership|flights?|hotels?|tables?|taxi|uber|cab|ride|reservations?|alarms?|timers?|"
    r"reminders?|emails?|messages?|files?|folders?|photos?|pictures?|songs?|payments?|cards?|"
    r"pizza|food|tickets?|car|password|profile|post|tweet|comment|channel|slack|task|todo)\b"
)
