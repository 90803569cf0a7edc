"""jdlint's own Python rules, registered through the ``jdlint.rules`` entry point like any plugin.

Importing this module must stay cheap: rule modules defer spaCy and other heavy imports to
their ``check`` methods, so `jdlint rules` and `jdlint explain` never load them.
"""

from __future__ import annotations

from .rule import ENGINE_RULES, Rule


def python_rules() -> list[Rule]:
    from .checks import compliance, pay_rules, required, text_metrics
    from .checks.duplicates import DuplicateBlock
    from .checks.garbled import GarbledText
    from .checks.gender_coded import GenderCodedWording
    from .checks.grammar import Grammar
    from .checks.readability import LongSentence

    rules: list[Rule] = [cls() for cls in ENGINE_RULES]
    rules += [LongSentence(), text_metrics.Readability(), text_metrics.LongRequirementsList(),
              text_metrics.UndefinedAcronym(), text_metrics.PostingLength(), Grammar(),
              GarbledText()]
    rules += [required.MissingDeadline(), required.ExpiredDeadline(), required.AmbiguousDate(),
              required.MissingContact(), required.MissingApplyInstructions()]
    rules += [DuplicateBlock(), GenderCodedWording()]
    rules += [compliance.PhotoRequest(), compliance.MissingPhotoGuidance(),
              compliance.MissingPrivacyNotice(), compliance.PersonalContactData(),
              pay_rules.MissingPayRange(), pay_rules.PayRangeTooWide(),
              pay_rules.OpenEndedPayRange(), pay_rules.MissingBenefitsDescription(),
              compliance.MissingAiDisclosure(),
              compliance.MissingVacancyStatus(), compliance.MissingGenderMarker()]
    return rules
