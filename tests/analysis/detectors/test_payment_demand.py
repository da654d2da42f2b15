"""payment_demand: demands for money with amount, currency and channel."""

from __future__ import annotations

import pytest

from support.analysis import HARD_NEGATIVES, run_detector, top_score
from unsnare.analysis.detectors.payment_demand import PaymentDemandDetector

D = PaymentDemandDetector()


@pytest.mark.parametrize(
    ("text", "amount", "currency", "channel"),
    [
        ("send $300 or I post them", 300.0, "USD", None),
        ("send me $500 on cashapp $kash4u now", 500.0, "USD", "cashapp"),
        ("i want $1k in bitcoin or else", 1000.0, "USD", "bitcoin"),
        ("pay me £250 by paypal", 250.0, "GBP", "paypal"),
        ("buy me a $100 steam gift card and send the code", 100.0, "USD", "gift_card"),
        ("$820 is a fair price for our little secret", 820.0, "USD", None),
        ("mandame 300 dolares ahora", 300.0, "USD", None),
        ("me manda R$ 500,50 no pix", 500.5, "BRL", "pix"),
        ("he says he wants $500 or he posts my pics", 500.0, "USD", None),
    ],
)
def test_demands_carry_amount_currency_and_channel(
    text: str, amount: float, currency: str, channel: str | None
) -> None:
    findings = run_detector(D, text)
    assert findings, text
    assert any(f.get("amount") == amount for f in findings), [f.detail for f in findings]
    assert any(f.get("currency") == currency for f in findings)
    if channel:
        assert any(f.get("channel") == channel for f in findings)


@pytest.mark.parametrize(
    "text",
    [
        *HARD_NEGATIVES,
        "can you pay me back the $15 for pizza",
        "rent is $900 this month, send your half",
        "the tickets cost $40 each",
        "he wants the $20 back that he lent me",
    ],
)
def test_ordinary_money_talk_is_not_a_demand(text: str) -> None:
    assert top_score(run_detector(D, text)) < 0.4


def test_coercion_raises_the_score() -> None:
    plain = top_score(run_detector(D, "send me $300"))
    forced = top_score(run_detector(D, "send me $300 or everyone sees it"))
    assert forced > plain


@pytest.mark.parametrize(
    "text",
    [
        "he wants a gift card now",
        "she wants me to buy her roblox cards",
        "they want me to pay",
        "he's asking for amazon gift cards again",
        "this guy keeps asking for more money",
        "he says i have to pay him by tonight",
        "the girl told me to send her bitcoin",
    ],
)
def test_a_retold_demand_without_an_amount_is_found(text: str) -> None:
    assert top_score(run_detector(D, text)) >= 0.4, text


@pytest.mark.parametrize(
    "text",
    [
        "can you pay me back the $20 i lent you",
        "I want a steam card for my birthday",
        "he wants a psn card for christmas",
        "she wants me to pay for dinner tonight",
        "he wants me to pay attention in class",
        "they want to pay in cash at the door",
        "she says the money is already in the bank",
        "my brother wants me to pay him back",
    ],
)
def test_retold_ordinary_money_talk_stays_calm(text: str) -> None:
    assert top_score(run_detector(D, text)) < 0.4, text


@pytest.mark.parametrize(
    "text",
    [
        "150 in steam cards and this all goes away",
        "$250 on venmo & i erase everything",
        "400 euros and no one will find out",
    ],
)
def test_an_amount_first_with_what_it_buys_is_a_demand(text: str) -> None:
    assert top_score(run_detector(D, text)) >= 0.5, text


@pytest.mark.parametrize(
    "text", ["15 bucks and ill remove the ad", "we paid 60 and the rash disappears in days"]
)
def test_selling_and_paying_for_things_is_not_a_demand(text: str) -> None:
    assert top_score(run_detector(D, text)) < 0.5, text
