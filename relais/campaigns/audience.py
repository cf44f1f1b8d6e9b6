"""Who gets an invitation or a reminder, and the breakdown a dry run prints.

Invited: consent given, not opted out, not synthetic (unless asked), in the ML and with the
survey profile when given, and whose survey is neither completed nor declined (someone who
paused is invited to resume; people with no survey have no profile). Only Telegram can reach
someone first: web-chat people (or without an address) count as "not reachable".
Reminded: the same people, with a survey in progress or paused, untouched for `after` hours and
never reminded.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from store import campaigns as store
from store.campaigns import Candidate
from store.models import SurveyStatus, utcnow


@dataclass(frozen=True)
class AudienceFilter:
    """The filters of `campaign send`."""

    questionnaire_id: str
    ml_code: str | None = None
    profile: str | None = None
    include_synthetic: bool = False


@dataclass(frozen=True)
class Audience:
    """The people a campaign is for, reachable or not."""

    candidates: tuple[Candidate, ...]

    @property
    def size(self) -> int:
        """Everyone matching the filters."""
        return len(self.candidates)

    @property
    def reachable(self) -> tuple[Candidate, ...]:
        """Those Relais can write to first (Telegram, with an address)."""
        return tuple(c for c in self.candidates if c.reachable)

    @property
    def not_reachable(self) -> int:
        """Those it cannot (web chat, no address)."""
        return self.size - len(self.reachable)

    def by_ml(self) -> Counter[str]:
        """Sizes by Mission Locale code."""
        return Counter(c.ml_code or "(none)" for c in self.candidates)

    def by_channel(self) -> Counter[str]:
        """Sizes by channel."""
        return Counter(c.channel for c in self.candidates)

    def by_survey(self) -> Counter[str]:
        """Sizes by where the person stands in the survey."""
        started = (SurveyStatus.IN_PROGRESS, SurveyStatus.PAUSED)
        return Counter(
            "started" if c.survey_status in started else "not started" for c in self.candidates
        )

    def describe(self) -> str:
        """Size and breakdowns, as a dry run prints them."""
        lines = [
            f"audience: {self.size} (reachable on Telegram: {len(self.reachable)}, "
            f"not reachable: {self.not_reachable})"
        ]
        for title, counter in (
            ("ML", self.by_ml()),
            ("channel", self.by_channel()),
            ("survey", self.by_survey()),
        ):
            lines.append(f"by {title}:")
            lines.extend(
                f"  {key:<14}{number:>6}"
                for key, number in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
            )
        return "\n".join(lines)


def invitees(session: Session, filters: AudienceFilter) -> Audience:
    """Who a new invitation campaign with these filters is for."""
    return Audience(
        tuple(
            store.invite_audience(
                session,
                filters.questionnaire_id,
                ml_code=filters.ml_code,
                profile=filters.profile,
                include_synthetic=filters.include_synthetic,
            )
        )
    )


def due_for_reminder(
    session: Session,
    questionnaire_id: str,
    after: timedelta,
    *,
    now: datetime | None = None,
    include_synthetic: bool = False,
) -> Audience:
    """Who gets the one reminder now: open surveys silent for `after`, never reminded."""
    before = (now or utcnow()) - after
    return Audience(
        tuple(
            store.due_reminders(
                session, questionnaire_id, before=before, include_synthetic=include_synthetic
            )
        )
    )
