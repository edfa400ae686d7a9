"""Which side of the coverage an outlet stands on: Korean, Chinese or other media."""

from __future__ import annotations

CHINESE_OUTLETS = frozenset(
    """globaltimes.cn chinadaily.com.cn people.cn people.com.cn ecns.cn xinhuanet.com news.cn
    cgtn.com china.org.cn gov.cn fmprc.gov.cn mfa.gov.cn cctv.com chinanews.com cri.cn
    chinadailyhk.com chinadailyasia.com en.people.cn english.news.cn qstheory.cn cssn.cn
    ciis.org.cn thepaper.cn sixthtone.com chinaservicesinfo.com""".split()
)
KOREAN_SUFFIXES = (".kr",)
KOREAN_OUTLETS = frozenset(
    """joins.com koreaherald.com koreatimes.co.kr chosun.com donga.com hani.co.kr yna.co.kr
    koreajoongangdaily.joins.com arirang.com koreabizwire.com businesskorea.co.kr koreapro.org
    asiae.co.kr kbs.co.kr koreatimesus.com ajupress.com hankyung.com mk.co.kr kedglobal.com
    theinvestor.co.kr nknews.org""".split()
)


def outlet_side(outlet: str | None) -> str:
    """``"korea"``, ``"china"`` or ``"other"`` for an outlet domain."""
    if not outlet:
        return "other"
    o = outlet.lower().removeprefix("www.")
    if o in CHINESE_OUTLETS or o.endswith(".cn") or o.endswith(".gov.cn"):
        return "china"
    if o in KOREAN_OUTLETS or o.endswith(KOREAN_SUFFIXES):
        return "korea"
    return "other"
