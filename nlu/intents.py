"""Intent cues: ordered rules over the normalised text, each with a confidence.

A rule is (intent, pattern, confidence). The first matching rule decides. Confidence is
at least CONFIDENCE_THRESHOLD (0.8) only when the words leave no doubt (a command verb
with its object); a bare cue ("tomorrow at 3?") gets a lower score so that the
dispatcher asks before it acts. Room bookings, timers, reminders and other chatter
match the `NOT_OURS` guard first and come out as `unknown`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlu.intent_guards import ANSWER, BOOKINGS, NOT_OURS, OTHER_THINGS
from nlu.types import Intent

CONFIDENCE_THRESHOLD = 0.8
BARE_VERB = 0.65  # a scheduling verb without a meeting word: ask, unless people are named

_MEETING = (
    r"(?:meeting|meet|call|zoom|sync|standup|stand-up|appointment|appt|event|session|huddle"
    r"|catch[- ]?up|oneonone|interview|review|demo|webinar|conference|chat|"
    r"check[- ]?in|retro|retrospective|sync-up|lunch|dinner|coffee|breakfast)s?"
)


@dataclass(frozen=True, slots=True)
class IntentGuess:
    intent: Intent
    confidence: float


_RULES: tuple[tuple[Intent, str, float], ...] = (
    (Intent.UNKNOWN, ANSWER, 0.5),
    (
        Intent.HELP,
        (
            r"^(?:help|\?|commands|what can you do|how do (?:i|you) use)\b|"
            r"^how (?:do|can|should|would) i\b|^what (?:commands|can i (?:say|ask|do))\b|"
            r"\bhelp me with (?:the )?bot\b"
        ),
        0.95,
    ),
    # Slash-command style single words ("/zoom list"): nothing else they could mean.
    (Intent.LIST, r"^(?:list|ls|meetings|agenda|calendar|schedule list)\s*$", 0.9),
    (
        Intent.DISCONNECT,
        r"\b(?:disconnect|unlink|revoke|log ?(?:me )?out|sign ?(?:me )?out|deauthori[sz]e)\b",
        0.95,
    ),
    (
        Intent.FIND_TIME,
        (
            r"\b(?:can|could|may) (?:i|we)\b.*\breserve\b|\b(?:able|possible) to reserve\b|"
            r"\bis [\w ]{1,30} (?:open|free|available)\b|\bis there (?:a|one|"
            r"any)[\w ]{0,30} (?:available|free|open)\b"
        ),
        0.85,
    ),
    (Intent.UNKNOWN, NOT_OURS, 0.5),
    (Intent.UNKNOWN, OTHER_THINGS, 0.5),
    (Intent.UNKNOWN, BOOKINGS, 0.5),
    (
        Intent.CONNECT,
        (
            r"^connect\s*$|\b(?:connect|link|authori[sz]e|log ?in(?:to)?|"
            r"sign ?in(?:to)?)\s+(?:to\s+|with\s+)?(?:my\s+|the\s+|your\s+|a\s+)?(?:zoom|"
            r"account)\b(?!\s*(?:meeting|call))"
        ),
        0.95,
    ),
    (
        Intent.SETTINGS,
        (
            r"\b(?:set|change|update)\s+(?:my\s+)?(?:default\s+)?(?:time ?zone|tz|settings|"
            r"preferences|default)\b|\bsettings\b|\bpreferences\b"
        ),
        0.9,
    ),
    (
        Intent.SHOW,
        (
            r"\bhow long\b|\bduration\b|\bhow much (?:time|longer)\b|\bhow many (?:days|hours|"
            r"minutes|weeks)\b|\btime (?:before|until|till|left|remaining)\b|\bhow soon\b|"
            r"\bcountdown\b"
        ),
        0.85,
    ),
    (
        Intent.FIND_TIME,
        r"\b(?:have|has) (?:free |any |some )?time\b(?!.*\b(?:how much|left|remaining)\b)",
        0.85,
    ),
    (
        Intent.SHOW,
        (
            r"^(?:will|is|are|does|did) [\w ,.']{1,40} (?:join|attend|be|come|coming|"
            r"participat)\w*\b|\b(?:about|regarding)\s*[?.!]*$"
        ),
        0.85,
    ),
    (
        Intent.START_NOW,
        (
            r"^(?:please\s+)?(?:start|begin|launch|open|kick off|spin up)\s+(?:an?\s+|a\s+new\s+|"
            r"new\s+)(?:instant\s+|quick\s+|new\s+|ad[- ]hoc\s+)?(?:zoom\s+)?(?:meeting|call|zoom|"
            r"room)\s*[.!]*$|\b(?:create|start|open|launch|begin)\b.*\b(?:instant|ad[- ]hoc|"
            r"right away)\b|\b(?:instant meeting|meet now|zoom now)\b|\b(?:start|begin)\b.*\bnow\b"
            r"|^(?:an?\s+)?(?:quick|instant)\s+(?:zoom|call|meeting)(?:\s+please)?\s*[.!]*$"
        ),
        0.9,
    ),
    (
        Intent.JOIN,
        (
            r"^(?:please\s+)?start (?:my|the|our|today'?s|tomorrow'?s|this|that)\b|\badd me to\b|"
            r"\b(?:join|dial|call into|call in to|hop (?:on|into)|jump (?:on|into)|"
            r"get me (?:in|into|on))\b|\bconnect(?: me)? (?:to|into|with)\b|"
            r"^(?:please\s+)?call (?:the |into |in |my )?.*\b(?:conference|meeting|call|bridge|"
            r"briefing|number)\b|^(?:please\s+)?start (?:my|the) (?:conference|meeting|call)"
        ),
        0.9,
    ),
    (Intent.SHOW, r"\b(?:link|url|passcode|meeting id|dial-in|dial in number)\b", 0.85),
    (
        Intent.SUMMARY,
        (
            r"\b(?:summari[sz]e|summary|recap|transcript|notes from|minutes (?:of|from))\b|"
            r"\b(?:action items|takeaways|key points|highlights|decisions)\b|"
            r"\bwhat (?:was|got|did we) (?:discussed|decided|discuss|decide|agree)"
        ),
        0.9,
    ),
    (Intent.RECORDINGS, r"\brecord(?:ing|ings|ed)\b", 0.9),
    (
        Intent.PARTICIPANTS,
        (
            r"\bwho (?:attended|joined|came|showed up|was (?:in|at|there))\b|\b(?:attendance|"
            r"participants)\s+(?:of|for|in|from)\b"
        ),
        0.9,
    ),
    (
        Intent.STATUS,
        (
            r"\bstatus\b|\bis (?:it|the [\w ]+|my [\w ]+) (?:live|running|started|over|"
            r"still (?:going|running|on))\b|\bhas (?:it|the [\w ]+|my [\w ]+) (?:started|ended)\b"
        ),
        0.85,
    ),
    (
        Intent.FIND_TIME,
        (
            r"\b(?:free|available|availability|busy|unavailable|open slot)\b|\bfind (?:a |"
            r"some )?(?:time|slot)\b|\bfind (?:an? |\d+ )?(?:min|minutes|mins|hours?|half hour)\b|"
            r"\bcan (?:i|we) (?:reserve|book)\b|\bis there a room\b|"
            r"\bwhen can (?:i|we)\b"
        ),
        0.85,
    ),
    (
        Intent.CANCEL,
        r"\b(?:cancel|delete|remove|discard|call off|scrap|drop|clear|erase|get rid of)\b",
        0.9,
    ),
    (
        Intent.RESCHEDULE,
        (
            r"\bbring\b.*\b(?:forward|earlier)\b|\bmove\b.*\bup\b|\b(?:reschedule|move|push|"
            r"postpone|shift|bring forward|delay|rename|extend|shorten|"
            r"change|update|edit|modify|prolong|lengthen)\b|\bmake (?:the |my |next |this |"
            r"that )?\w* ?(?:meeting|appointment|event|call)\b.*\b(?:later|earlier|longer|shorter|"
            r"start)\b"
        ),
        0.88,
    ),
    (
        Intent.RESCHEDULE,
        (
            r"\bask [\w ]{1,20} to (?:attend|come|join)\b|\badd (?:[\w@.]+\s+){1,3}?to (?:the |"
            r"this |that |our |my )?(?:[\w']+\s+){0,3}?(?:meeting|call|event|appointment|sync|"
            r"standup|scrum)\b|\binvite\b|\bsend (?:an? )?invit|"
            r"\badd (?:[\w@.]+\s+){1,3}?to (?:the|this|that|our|my next|today'?s|tomorrow'?s|"
            r"\w+'s) (?:meeting|call|event|appointment|sync|standup)\b|"
            r"^(?:please\s+)?add [a-z]+(?: [a-z]+)?$|\bcan you (?:attend|join)\b"
        ),
        0.85,
    ),
    (
        Intent.SHOW,
        (
            r"^(?:and\s+)?where\b|\bwhere(?:'s| is| are| do| am| will| was)\b|\b(?:place|location|"
            r"address|venue) (?:of|for)\b"
        ),
        0.85,
    ),
    (
        Intent.SHOW,
        (
            r"^when\b|\bwhen(?:'s| is| are| do| does| will| am| was)\b|\bwhat time(?:'s| is| does|"
            r" do| will| am)\b|\b(?:what|which) day is\b|\bstart time\b"
        ),
        0.85,
    ),
    (
        Intent.SHOW,
        (
            r"\bwho\b|\bparticipant|\bwill [\w ,.]{1,40} be (?:at|in|coming|attending|there|"
            r"joining|going|present)\b|\bdid [\w ]{1,20} (?:come|sign up|attend|show|join|respond|"
            r"accept|make it)\b|\battendee|\bis [\w ]{1,20} (?:attending|coming|going|joining|"
            r"invited)\b|\battendees\b|\bguest ?list\b|\binvitees\b"
        ),
        0.85,
    ),
    (
        Intent.SHOW,
        (
            r"\btell me (?:all |something |more )?about\b|\bdetail|\bparticulars\b|"
            r"\bknow (?:more )?about\b|\binformation (?:about|on)\b|\bwhat(?:'s|"
            r" is) (?:the )?(?:agenda|subject)\b|\bwhat did\b"
        ),
        0.85,
    ),
    (
        Intent.SCHEDULE,
        (
            r"\b(?:add|put|append|appending|enter|insert|pencil|block|schedule|save)\b.*\b(?:to|"
            r"on|in|into) (?:my |the |our )?(?:[a-z]+ )?calendar\b|"
            r"^(?:please\s+)?meet [a-z]+\b.*\b(?:at|on|tomorrow|today|for)\b|"
            r"\blet'?s (?:meet|talk|sync|chat|catch up|zoom|hop on a call|have a (?:call|meeting|"
            r"chat|sync|quick call))\b"
        ),
        0.85,
    ),
    (
        Intent.LIST,
        (
            r"\bwhat(?:'s| is) (?:going on|happening|planned|scheduled)\b|\bwhat'?s on\b|"
            r"\bwhat (?:have i got|"
            r"i am doing|i'm doing|am i doing)\b|\b(?:'s|the|my) schedule\b|"
            r"\bwhat (?:appointments|meetings|events|plans)\b|\bwhat are my\b|^(?:my )?calendar\b|"
            r"\bmy (?:1st|first|2nd|second|third|last|next) (?:meeting|appointment|event)|"
            r"\bwhat(?:'s| is| are)? (?:on|in) (?:my|the)\b|\bwhat do i have\b|\bwhat(?:'s|"
            r" is) (?:my|on my) (?:next|first|last|1st|schedule|calendar|agenda)\b|"
            r"\bdo i have (?:any|anything|a |an |meetings|plans|something)|\b(?:show|list|view|"
            r"check|see|display|read|get|find|search|look up|look at|pull up|bring up|open|go to|"
            r"get to)\b.*\b(?:calendar|schedule|agenda|meetings?|appointments?|events?|plans)\b|"
            r"\bnext (?:meeting|appointment|event)\b|\bmy (?:schedule|calendar|agenda|meetings)\b|"
            r"\bwhat is [\w ]{1,20} doing\b|\bany (?:meetings|events|appointments)\b|\bwhat(?:'s|"
            r" is) (?:next|up next|coming up)\b|\bupcoming\b|\bprevious (?:meeting|appointment|"
            r"event)\b"
        ),
        0.85,
    ),
    (
        Intent.SCHEDULE,
        (
            rf"\b(?:schedule|set up|setup|book|arrange|create|organi[sz]e|plan|add|put|make|append|"
            rf"appending|enter|insert|pencil|block|new|hold)\b.*\b(?:{_MEETING}|calendar)\b|"
            rf"\b(?:zoom|meet|call|sync|meeting|chat) with\b"
        ),
        0.9,
    ),
    # "schedule an oil change": a bare verb only acts once it has people (see nlu.parse)
    (Intent.SCHEDULE, r"^(?:please\s+)?(?:can you\s+)?(?:schedule|set up|arrange)\b", BARE_VERB),
)
_COMPILED = tuple((intent, re.compile(rx), conf) for intent, rx, conf in _RULES)


def classify(norm: str) -> IntentGuess:
    """The intent of a normalised message, with its confidence."""
    text = norm.strip()
    for intent, rx, conf in _COMPILED:
        if rx.search(text):
            return IntentGuess(intent, conf)
    if _RECURRING.search(text) and _HAS_CLOCK.search(text):
        return IntentGuess(Intent.SCHEDULE, 0.8)  # "every monday at 9am for 45 minutes"
    asks = (_MEETING_RX.search(text) and not text.startswith("call ")) or _ADD_RX.match(text)
    if asks and _HAS_TIME.search(text):
        return IntentGuess(Intent.SCHEDULE, 0.6)  # "lunch with sam tomorrow 1pm": ask first
    return IntentGuess(Intent.UNKNOWN, 0.3)


_RECURRING = re.compile(r"\b(?:every|each|daily|weekly|biweekly|monthly|weekdays)\b")
_ADD_RX = re.compile(r"(?:please\s+)?(?:add|put)\b")
_MEETING_RX = re.compile(rf"\b{_MEETING}\b")
_HAS_TIME = re.compile(
    r"\d\s*(?:am|pm)\b|\d:\d\d|\bat \d|\bnoon\b|\b(?:today|tomorrow|tonight)\b"
    r"|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b"
)
_HAS_CLOCK = re.compile(r"\d\s*(?:am|pm)\b|\d:\d\d|\bat \d|\bnoon\b")
