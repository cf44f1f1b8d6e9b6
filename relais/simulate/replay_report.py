"""Figures of a replay of scripted conversations, and the turns that missed what was expected."""

from __future__ import annotations

from collections import Counter
from statistics import median
from typing import Any

from relais.simulate.replay import Replay, TurnResult

LONG_FIRST_BUBBLE = 400  # characters: more than a phone screen's worth before the first scroll


def _turns(replay: Replay) -> list[tuple[str, int, TurnResult]]:
    return [(r.conversation.key, i, t) for r in replay.results for i, t in enumerate(r.turns, 1)]


def figures(replay: Replay) -> dict[str, Any]:
    """The run's figures, JSON-ready."""
    turns = _turns(replay)
    met: Counter[str] = Counter()
    total: Counter[str] = Counter()
    script_errors = 0
    for _, _, t in turns:
        for key, failure in t.checks.items():
            if failure and failure.startswith("script:"):
                script_errors += 1
                continue
            total[key] += 1
            met[key] += failure is None
    answered = [t for _, _, t in turns if t.error is None]
    firsts = [len(t.bubbles[0].text) for t in answered if t.bubbles]
    return {
        "conversations": len(replay.results),
        "conversations_passed": sum(r.passed for r in replay.results),
        "turns": len(turns),
        "turn_errors": sum(t.error is not None for _, _, t in turns),
        "expectations": sum(total.values()),
        "expectations_met": sum(met.values()),
        "by_expectation": {k: [met[k], total[k]] for k in sorted(total)},
        "script_errors": script_errors,
        "no_next_step": sum(not t.next_step for t in answered),
        "no_next_step_endings": Counter(
            " ".join(t.bubbles[-1].text.split())[:70]
            for t in answered
            if t.bubbles and not t.next_step
        ).most_common(5),
        "first_bubble_chars_median": median(firsts) if firsts else 0,
        "first_bubble_chars_max": max(firsts, default=0),
        "first_bubbles_over_limit": sum(n > LONG_FIRST_BUBBLE for n in firsts),
        "elapsed_s": round(replay.elapsed_s, 1),
    }


def _preview(t: TurnResult, width: int = 90) -> str:
    parts = [" ".join(b.text.split())[:width] for b in t.bubbles[:3]]
    return " | ".join(parts) if parts else "(no reply)"


def render(replay: Replay) -> str:
    """A plain-text report: the figures, then every turn that missed."""
    f = figures(replay)
    lines = [
        f"Conversations: {f['conversations_passed']}/{f['conversations']} did everything expected",
        f"Turns: {f['turns']} ({f['turn_errors']} HTTP errors)",
        f"Expectations met: {f['expectations_met']}/{f['expectations']}",
    ]
    for key, (ok, n) in f["by_expectation"].items():
        lines.append(f"  {key:<22} {ok:>4}/{n:<4}")
    lines += [
        f"Replies ending without buttons or a question: {f['no_next_step']}",
        *(f"  {n:>3} × {ending}" for ending, n in f["no_next_step_endings"]),
        f"First bubble: median {f['first_bubble_chars_median']:.0f} characters, "
        f"max {f['first_bubble_chars_max']}, over {LONG_FIRST_BUBBLE}: "
        f"{f['first_bubbles_over_limit']}",
        f"Expectations the script got wrong (not a sure place): {f['script_errors']}",
        f"Elapsed: {f['elapsed_s']} s",
    ]
    misses = [(k, i, t) for k, i, t in _turns(replay) if t.failures or t.error]
    if misses:
        lines.append("")
        lines.append("Turns that missed:")
    for key, i, t in misses:
        move = f"[{t.turn.text}]" if t.turn.press else repr(t.turn.text)
        why = t.error or "; ".join(t.failures)
        lines.append(f"- {key} turn {i}: {move[:100]}")
        lines.append(f"    expected: {why}")
        lines.append(f"    got: {_preview(t)}")
    return "\n".join(lines)


def transcript(replay: Replay, only_failed: bool = True) -> str:
    """Whole conversations as the young person saw them (Markdown), with what each turn missed."""
    lines: list[str] = []
    for result in replay.results:
        if only_failed and result.passed:
            continue
        conversation = result.conversation
        lines += ["", f"## {conversation.key}: {conversation.who}".rstrip(": "), ""]
        for t in result.turns:
            move = f"[presses «{t.turn.text}»]" if t.turn.press else t.turn.text
            lines.append(f"- **young person**: {' '.join(move.split())}")
            for bubble in t.bubbles:
                buttons = "".join(f" [{title}]" for title, _ in bubble.buttons)
                lines.append(f"  - bot: {' '.join(bubble.text.split())}{buttons}")
            if t.error or t.failures:
                lines.append(f"  - **missed**: {t.error or '; '.join(t.failures)}")
    return "\n".join(lines).lstrip() + "\n"
