"""The apex bodies term by term: on the day after each term began, exactly the members of the
official list of that term hold a seat (possibly or certainly, at medium confidence or above),
and nobody else. Each list and its size are from the pages named in the dataset's sources
(see the dataset README)."""

from __future__ import annotations

import pytest

SECRETARIAT = {
    "1997-09-20": ["ding-guangen", "hu-jintao", "luo-gan", "wei-jianxing", "wen-jiabao",
                   "zeng-qinghong", "zhang-wannian"],
    "2002-11-16": ["he-guoqiang", "he-yong", "liu-yunshan", "wang-gang", "xu-caihou",
                   "zeng-qinghong", "zhou-yongkang"],
    "2017-10-26": ["chen-xi", "ding-xuexiang", "guo-shengkun", "huang-kunming", "wang-huning",
                   "yang-xiaodu", "you-quan"],
    "2022-10-24": ["cai-qi", "chen-wenqing", "li-ganjie", "li-shulei", "liu-jinguo",
                   "shi-taifeng", "wang-xiaohong"],
}
MILITARY_COMMISSION = {
    "2002-11-16": ["cao-gangchuan", "guo-boxiong", "hu-jintao", "jiang-zemin", "li-jinai",
                   "liang-guanglie", "liao-xilong", "xu-caihou"],
    "2007-10-23": ["chang-wanquan", "chen-bingde", "guo-boxiong", "hu-jintao", "jing-zhiyuan",
                   "li-jinai", "liang-guanglie", "liao-xilong", "wu-shengli", "xu-caihou",
                   "xu-qiliang"],
    "2012-11-16": ["chang-wanquan", "fan-changlong", "fang-fenghui", "ma-xiaotian",
                   "wei-fenghe", "wu-shengli", "xi-jinping", "xu-qiliang", "zhang-yang",
                   "zhang-youxia", "zhao-keshi"],
    "2017-10-26": ["li-zuocheng", "miao-hua", "wei-fenghe", "xi-jinping", "xu-qiliang",
                   "zhang-shengmin", "zhang-youxia"],
    "2022-10-24": ["he-weidong", "li-shangfu", "liu-zhenli", "miao-hua", "xi-jinping",
                   "zhang-shengmin", "zhang-youxia"],
}
STATE_COUNCIL = {  # premier, four vice premiers, five state councillors
    "1998-03-19": ["chi-haotian", "li-lanqing", "luo-gan", "qian-qichen", "simayi-aimaiti",
                   "wang-zhongyu", "wen-jiabao", "wu-bangguo", "wu-yi", "zhu-rongji"],
    "2003-03-18": ["cao-gangchuan", "chen-zhili", "hua-jianmin", "huang-ju", "hui-liangyu",
                   "tang-jiaxuan", "wen-jiabao", "wu-yi", "zeng-peiyan", "zhou-yongkang"],
    "2008-03-18": ["dai-bingguo", "hui-liangyu", "li-keqiang", "liang-guanglie", "liu-yandong",
                   "ma-kai", "meng-jianzhu", "wang-qishan", "wen-jiabao", "zhang-dejiang"],
    "2013-03-17": ["chang-wanquan", "guo-shengkun", "li-keqiang", "liu-yandong", "ma-kai",
                   "wang-yang", "wang-yong", "yang-jiechi", "yang-jing", "zhang-gaoli"],
    "2018-03-20": ["han-zheng", "hu-chunhua", "li-keqiang", "liu-he", "sun-chunlan", "wang-yi",
                   "wang-yong", "wei-fenghe", "xiao-jie", "zhao-kezhi"],
    "2023-03-13": ["ding-xuexiang", "he-lifeng", "li-qiang", "li-shangfu", "liu-guozhong",
                   "qin-gang", "shen-yiqin", "wang-xiaohong", "wu-zhenglong", "zhang-guoqing"],
}
CASES = ([("central-secretariat", day, ids, None) for day, ids in SECRETARIAT.items()]
         + [("central-military-commission", day, ids, None)
            for day, ids in MILITARY_COMMISSION.items()]
         + [("state-council", day, ids, ["Premier", "Vice Premier", "State Councilor"])
            for day, ids in STATE_COUNCIL.items()])


@pytest.mark.parametrize(("body", "day", "members", "titles"), CASES,
                         ids=[f"{body}-{day}" for body, day, _, _ in CASES])
def test_a_term_holds_exactly_its_official_members(bundled_db, body, day, members, titles):
    (row,) = bundled_db.read(
        "MATCH (p:Person)-[r:CHAIRS|MEMBER_OF]->(:Body {id: $body}) "
        "WHERE r.possible_from <= date($day) < r.possible_until AND r.level >= 2 "
        "AND ($titles IS NULL OR r.title IN $titles) "
        "RETURN collect(DISTINCT p.id) AS ids", body=body, day=day, titles=titles)
    assert sorted(row["ids"]) == members
    assert len(members) == {"central-secretariat": 7, "state-council": 10}.get(
        body, len(members))


def test_the_discipline_commission_has_its_secretaries(bundled_db):
    secretaries = [r["id"] for r in bundled_db.read(
        "MATCH (p:Person)-[r:CHAIRS]->(:Body {id: 'central-commission-for-discipline-inspection'}) "
        "RETURN p.id AS id ORDER BY r.possible_from")]
    assert secretaries == ["wei-jianxing", "wu-guanzheng", "he-guoqiang", "wang-qishan",
                           "zhao-leji", "li-xi"]


def test_the_17th_politburo_has_no_secretariat_members_in_it(bundled_db):
    assert bundled_db.read(
        "MATCH (p:Person)-[r:MEMBER_OF]->(:Body {id: 'politburo'}) "
        "WHERE p.id IN ['wang-huning', 'ling-jihua'] "
        "AND r.possible_from <= date('2010-01-01') < r.possible_until RETURN p.id") == []
