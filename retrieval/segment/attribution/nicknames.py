"""English short forms of first names: "Harry" is a Henry, "Sid" a Sidney, "Lizzy" an Elizabeth.

Fiction calls a character by the formal name in narration ("Lord Henry") and by the short one in talk ("Harry,
you are wrong"). A general table of the language's short forms, not any book's cast: a short form missing from it
leaves the two names two characters, as before; so does one that is as often a name of its own ("Jack",
"Nancy", "Robin").
"""

from __future__ import annotations

_FORMS = {
    "henry": "harry hank", "thomas": "tom tommy", "william": "will willie willy bill billy",
    "robert": "bob bobby rob", "richard": "dick dicky rick", "james": "jim jimmy jem jamie",
    "edward": "ned ted teddy eddie", "charles": "charlie charley chas",
    "joseph": "joe joey", "samuel": "sam sammy", "benjamin": "ben benny", "nicholas": "nick",
    "lawrence": "larry", "laurence": "larry laurie", "frederick": "fred freddie freddy", "sidney": "sid",
    "alexander": "alec alick", "theodore": "theo teddy", "timothy": "tim", "anthony": "tony",
    "michael": "mike mick", "daniel": "dan danny", "david": "davie davy dave", "peter": "pete",
    "archibald": "archie", "albert": "bertie bert", "bertram": "bertie bert", "herbert": "bertie bert",
    "elizabeth": "lizzy lizzie eliza bess bessie betsy betty beth liz", "margaret": "meg maggie peggy madge",
    "mary": "molly polly mamie", "sarah": "sally", "catherine": "kate katie kitty cathy",
    "katherine": "kate katie kitty kathy", "frances": "fanny", "josephine": "jo josie", "ellen": "nell nelly",
    "helen": "nell nelly", "eleanor": "nell nelly", "anne": "annie", "ann": "annie",
    "susan": "sue susie", "harriet": "hattie", "dorothy": "dolly", "martha": "patty mattie",
    "amelia": "emmy milly", "emily": "emmy", "jane": "jenny janey", "rebecca": "becky",
    "caroline": "carrie", "victoria": "vicky", "virginia": "ginny",
}
# Each short form, lower-cased, to the formal names it may stand for.
FORMAL: dict[str, frozenset[str]] = {}
for _formal, _shorts in _FORMS.items():
    for _short in _shorts.split():
        FORMAL[_short] = FORMAL.get(_short, frozenset()) | {_formal}
