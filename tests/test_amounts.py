"""Money amounts in figures and in capital characters."""

from decimal import Decimal

import pytest

from generator.amounts import capital_yuan, format_yuan, to_decimal


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (0, "0元"),
        (1, "1元"),
        (999, "999元"),
        (1000, "1,000元"),
        (30000, "30,000元"),
        (1234.5, "1,234.50元"),
        (1234.05, "1,234.05元"),
        (Decimal("30000.00"), "30,000元"),
        ("50000", "50,000元"),
        (10000000.05, "10,000,000.05元"),
        (123456789.12, "123,456,789.12元"),
        (-1500, "-1,500元"),
    ],
)
def test_format_yuan(amount, expected):
    assert format_yuan(amount) == expected


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (0, "人民币零元整"),
        (1, "人民币壹元整"),
        (10, "人民币壹拾元整"),
        (15, "人民币壹拾伍元整"),
        (101, "人民币壹佰零壹元整"),
        (110, "人民币壹佰壹拾元整"),
        (1001, "人民币壹仟零壹元整"),
        (1010, "人民币壹仟零壹拾元整"),
        (10010, "人民币壹万零壹拾元整"),
        (30000, "人民币叁万元整"),
        (50000, "人民币伍万元整"),
        (100000, "人民币壹拾万元整"),
        (200000, "人民币贰拾万元整"),
        (1000000, "人民币壹佰万元整"),
        (1000700, "人民币壹佰万零柒佰元整"),
        (100000001, "人民币壹亿零壹元整"),
        (100010000, "人民币壹亿零壹万元整"),
        (10000000.05, "人民币壹仟万元零伍分"),
        (123456789.12, "人民币壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元壹角贰分"),
        # the examples of the People's Bank of China rules
        (1409.50, "人民币壹仟肆佰零玖元伍角"),
        (6007.14, "人民币陆仟零柒元壹角肆分"),
        (1680.32, "人民币壹仟陆佰捌拾元零叁角贰分"),
        (107000.53, "人民币壹拾万柒仟元零伍角叁分"),
        (16409.02, "人民币壹万陆仟肆佰零玖元零贰分"),
        (325.04, "人民币叁佰贰拾伍元零肆分"),
        # amounts under one yuan
        (0.5, "人民币伍角"),
        (0.05, "人民币伍分"),
        (0.32, "人民币叁角贰分"),
        (Decimal("999999999999.99"), "人民币玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
    ],
)
def test_capital_yuan(amount, expected):
    assert capital_yuan(amount) == expected


def test_capital_yuan_prefix_can_be_dropped():
    assert capital_yuan(30000, prefix="") == "叁万元整"


@pytest.mark.parametrize("amount", [-1, Decimal("1000000000000")])
def test_capital_yuan_rejects_out_of_range_amounts(amount):
    with pytest.raises(ValueError):
        capital_yuan(amount)


@pytest.mark.parametrize(
    ("amount", "expected"),
    [(1.005, Decimal("1.01")), ("2.675", Decimal("2.68")), (0.1 + 0.2, Decimal("0.30")), (7, Decimal("7.00"))],
)
def test_amounts_are_rounded_half_up_to_the_fen(amount, expected):
    assert to_decimal(amount) == expected
