"""Figures of a simulation: completion, drop-outs, and what follow-up questions add."""

from __future__ import annotations

from collections import Counter
from statistics import mean

from sqlalchemy import select

from relais.simulate.runner import Simulation
from relais.survey import load_questionnaire
from store.db import session_scope
from store.models import SurveyAnswer, SurveySession, YoungPerson


def followup_figures(database_url: str) -> dict[str, float]:
    """On synthetic open answers: share vague at first, and what the follow-up added."""
    questionnaire = load_questionnaire("etude-jeunes")
    open_ids = {q.id for q in questionnaire.questions if q.type == "open" and q.followup}
    with session_scope(database_url) as session:
        rows = (
            session.execute(
                select(SurveyAnswer)
                .join(SurveySession, SurveyAnswer.session_id == SurveySession.id)
                .join(YoungPerson, SurveySession.young_person_id == YoungPerson.id)
                .where(YoungPerson.synthetic.is_(True), SurveyAnswer.skipped.is_(False))
            )
            .scalars()
            .all()
        )
        answers = [r for r in rows if r.question_id in open_ids and r.informativeness is not None]
        followed = [r for r in answers if r.followed_up]
        answered_followups = [r for r in followed if r.followup_informativeness is not None]
        first = [r.informativeness or 0.0 for r in answered_followups]
        best = [
            max(r.informativeness or 0.0, r.followup_informativeness or 0.0)
            for r in answered_followups
        ]
        all_first = [r.informativeness or 0.0 for r in answers]
        all_best = [
            max(r.informativeness or 0.0, r.followup_informativeness or 0.0) for r in answers
        ]
    return {
        "open_answers": float(len(answers)),
        "vague_first_share": len(followed) / len(answers) if answers else 0.0,
        "followup_answered_share": len(answered_followups) / len(followed) if followed else 0.0,
        "followed_first_mean": mean(first) if first else 0.0,
        "followed_after_mean": mean(best) if best else 0.0,
        "all_first_mean": mean(all_first) if all_first else 0.0,
        "all_after_mean": mean(all_best) if all_best else 0.0,
    }


def render(simulation: Simulation, figures: dict[str, float]) -> str:
    """A plain-text report to print."""
    outcomes = simulation.outcomes
    n = len(outcomes)
    by_profile = Counter(o.persona.profile for o in outcomes)
    by_register = Counter(o.persona.register for o in outcomes)
    errors = Counter(e for o in outcomes for e in o.errors)
    rate = simulation.turns / max(simulation.elapsed_s, 1e-9)
    completed = sum(o.completed for o in outcomes)
    paused = sum(o.paused for o in outcomes)
    declined = sum(o.declined for o in outcomes)
    silent = n - completed - paused - declined
    vague = figures["vague_first_share"]
    answered = figures["followup_answered_share"]
    lines = [
        f"simulated young people: {n} in {simulation.elapsed_s:.1f} s "
        f"({simulation.turns} messages, {rate:.1f} msg/s)",
        f"completed: {completed}  paused (stop): {paused}  left silently: {silent}"
        f"  declined: {declined}",
        "profiles: " + ", ".join(f"{k} {v}" for k, v in sorted(by_profile.items())),
        "registers: " + ", ".join(f"{k} {v}" for k, v in sorted(by_register.items())),
        f"open answers: {figures['open_answers']:.0f}; vague at first (followed up): {vague:.1%};"
        f" follow-ups answered: {answered:.1%}",
        f"informativeness of followed-up answers: {figures['followed_first_mean']:.3f} → "
        f"{figures['followed_after_mean']:.3f} with the follow-up",
        f"informativeness of all open answers: {figures['all_first_mean']:.3f} → "
        f"{figures['all_after_mean']:.3f}",
        "errors: " + (", ".join(f"{k} ×{v}" for k, v in errors.items()) or "none"),
    ]
    return "\n".join(lines)
