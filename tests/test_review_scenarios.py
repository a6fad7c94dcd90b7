"""The review scenario suite (tests/scenarios/): each rule has a case file that must trigger it and
one that must pass; every expected finding is checked for its status, cited article and wording."""

import pytest

from scenario_cases import scenarios

SCENARIOS = scenarios()


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.name)
def test_scenario(store, scenario):
    from scenario_cases import run
    review, outcomes, conclusion_ok = run(store, scenario)
    failed = [f"{o.expectation.check}：{o.why}（{o.finding.message if o.finding else ''}）" for o in outcomes if not o.ok]
    assert not failed, "\n".join(failed)
    assert conclusion_ok, f"建议结论为“{review.proposed.result}”"
    for finding in review.findings:
        assert finding.citations, finding.check_id
