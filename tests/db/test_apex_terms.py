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
    "2007-10-23": ["he-yong", "li-yuanchao", "ling-jihua", "liu-yunshan", "wang-huning",
                   "xi-jinping"],
    "2017-10-26": ["chen-xi", "ding-xuexiang", "guo-shengkun", "huang-kunming", "wang-huning",
                   "yang-xiaodu", "you-quan"],
    "2022-10-24": ["cai-qi", "chen-wenqing", "li-ganjie", "li-shulei", "liu-jinguo",
                   "shi-taifeng", "wang-xiaohong"],
}
MILITARY_COMMISSION = {
    # the 15th CMC as it stood at the end of its term (看中國 2002-10-02 citing 太阳报: 11
    # names; no whole official list of the 15th was found)
    "2002-10-02": ["cao-gangchuan", "chi-haotian", "fu-quanyou", "guo-boxiong", "hu-jintao",
                   "jiang-zemin", "wang-ke", "wang-ruilin", "xu-caihou", "yu-yongbo",
                   "zhang-wannian"],
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
POLITBURO = {
    "1997-09-20": [  # 22
        "chi-haotian", "ding-guangen", "hu-jintao", "huang-ju", "jia-qinglin",
        "jiang-chunyun", "jiang-zemin", "li-changchun", "li-lanqing", "li-peng",
        "li-ruihuan", "li-tieying", "luo-gan", "qian-qichen", "tian-jiyun", "wei-jianxing",
        "wen-jiabao", "wu-bangguo", "wu-guanzheng", "xie-fei", "zhang-wannian", "zhu-rongji"],
    "2002-11-16": [  # 24
        "cao-gangchuan", "chen-liangyu", "guo-boxiong", "he-guoqiang", "hu-jintao",
        "huang-ju", "hui-liangyu", "jia-qinglin", "li-changchun", "liu-qi", "liu-yunshan",
        "luo-gan", "wang-lequan", "wang-zhaoguo", "wen-jiabao", "wu-bangguo",
        "wu-guanzheng", "wu-yi", "yu-zhengsheng", "zeng-peiyan", "zeng-qinghong",
        "zhang-dejiang", "zhang-lichang", "zhou-yongkang"],
    "2007-10-23": [  # 25
        "bo-xilai", "guo-boxiong", "he-guoqiang", "hu-jintao", "hui-liangyu", "jia-qinglin",
        "li-changchun", "li-keqiang", "li-yuanchao", "liu-qi", "liu-yandong", "liu-yunshan",
        "wang-gang", "wang-lequan", "wang-qishan", "wang-yang", "wang-zhaoguo",
        "wen-jiabao", "wu-bangguo", "xi-jinping", "xu-caihou", "yu-zhengsheng",
        "zhang-dejiang", "zhang-gaoli", "zhou-yongkang"],
    "2012-11-16": [  # 25
        "fan-changlong", "guo-jinlong", "han-zheng", "hu-chunhua", "li-jianguo",
        "li-keqiang", "li-yuanchao", "li-zhanshu", "liu-qibao", "liu-yandong",
        "liu-yunshan", "ma-kai", "meng-jianzhu", "sun-chunlan", "sun-zhengcai",
        "wang-huning", "wang-qishan", "wang-yang", "xi-jinping", "xu-qiliang",
        "yu-zhengsheng", "zhang-chunxian", "zhang-dejiang", "zhang-gaoli", "zhao-leji"],
    "2017-10-26": [  # 25
        "cai-qi", "chen-miner", "chen-quanguo", "chen-xi", "ding-xuexiang", "guo-shengkun",
        "han-zheng", "hu-chunhua", "huang-kunming", "li-hongzhong", "li-keqiang",
        "li-qiang", "li-xi", "li-zhanshu", "liu-he", "sun-chunlan", "wang-chen",
        "wang-huning", "wang-yang", "xi-jinping", "xu-qiliang", "yang-jiechi",
        "yang-xiaodu", "zhang-youxia", "zhao-leji"],
    "2022-10-24": [  # 24
        "cai-qi", "chen-jining", "chen-miner", "chen-wenqing", "ding-xuexiang", "he-lifeng",
        "he-weidong", "huang-kunming", "li-ganjie", "li-hongzhong", "li-qiang", "li-shulei",
        "li-xi", "liu-guozhong", "ma-xingrui", "shi-taifeng", "wang-huning", "wang-yi",
        "xi-jinping", "yin-li", "yuan-jiajun", "zhang-guoqing", "zhang-youxia", "zhao-leji"],
}
STANDING_COMMITTEE = {
    "1997-09-20": [  # 7
        "hu-jintao", "jiang-zemin", "li-lanqing", "li-peng", "li-ruihuan", "wei-jianxing",
        "zhu-rongji"],
    "2002-11-16": [  # 9
        "hu-jintao", "huang-ju", "jia-qinglin", "li-changchun", "luo-gan", "wen-jiabao",
        "wu-bangguo", "wu-guanzheng", "zeng-qinghong"],
    "2007-10-23": [  # 9
        "he-guoqiang", "hu-jintao", "jia-qinglin", "li-changchun", "li-keqiang",
        "wen-jiabao", "wu-bangguo", "xi-jinping", "zhou-yongkang"],
    "2012-11-16": [  # 7
        "li-keqiang", "liu-yunshan", "wang-qishan", "xi-jinping", "yu-zhengsheng",
        "zhang-dejiang", "zhang-gaoli"],
    "2017-10-26": [  # 7
        "han-zheng", "li-keqiang", "li-zhanshu", "wang-huning", "wang-yang", "xi-jinping",
        "zhao-leji"],
    "2022-10-24": [  # 7
        "cai-qi", "ding-xuexiang", "li-qiang", "li-xi", "wang-huning", "xi-jinping",
        "zhao-leji"],
}
ALTERNATES = {"1997-09-20": ["wu-yi", "zeng-qinghong"], "2002-11-16": ["wang-gang"],
              "2007-10-23": [], "2012-11-16": [], "2017-10-26": [], "2022-10-24": []}
POLITBURO_SIZE = {"1997-09-20": 22, "2002-11-16": 24, "2007-10-23": 25, "2012-11-16": 25,
                  "2017-10-26": 25, "2022-10-24": 24}
SECRETARIAT_SIZE = {"1997-09-20": 7, "2002-11-16": 7, "2007-10-23": 6, "2017-10-26": 7,
                    "2022-10-24": 7}
STANDING_COMMITTEE_SIZE = {"1997-09-20": 7, "2002-11-16": 9, "2007-10-23": 9, "2012-11-16": 7,
                           "2017-10-26": 7, "2022-10-24": 7}
CASES = ([("central-secretariat", day, ids, None) for day, ids in SECRETARIAT.items()]
         + [("central-military-commission", day, ids, None)
            for day, ids in MILITARY_COMMISSION.items()]
         + [("state-council", day, ids, ["Premier", "Vice Premier", "State Councilor"])
            for day, ids in STATE_COUNCIL.items()]
         + [("politburo", day, ids, None) for day, ids in POLITBURO.items()]
         + [("politburo-standing-committee", day, ids, None)
            for day, ids in STANDING_COMMITTEE.items()])


@pytest.mark.parametrize(("body", "day", "members", "titles"), CASES,
                         ids=[f"{body}-{day}" for body, day, _, _ in CASES])
def test_a_term_holds_exactly_its_official_members(bundled_db, body, day, members, titles):
    (row,) = bundled_db.read(
        "MATCH (p:Person)-[r:CHAIRS|MEMBER_OF]->(:Body {id: $body}) "
        "WHERE r.possible_from <= date($day) < r.possible_until AND r.level >= 2 "
        "AND ($titles IS NULL OR r.title IN $titles) "
        "AND coalesce(r.title, '') <> 'Alternate Member' "
        "RETURN collect(DISTINCT p.id) AS ids", body=body, day=day, titles=titles)
    assert sorted(row["ids"]) == members
    official = {"central-secretariat": SECRETARIAT_SIZE.get(day), "state-council": 10,
                "politburo": POLITBURO_SIZE.get(day),
                "politburo-standing-committee": STANDING_COMMITTEE_SIZE.get(day)}
    assert len(members) == (official.get(body) or len(members))


@pytest.mark.parametrize("day", sorted(ALTERNATES))
def test_a_politburo_term_has_its_alternates(bundled_db, day):
    (row,) = bundled_db.read(
        "MATCH (p:Person)-[r:MEMBER_OF {title: 'Alternate Member'}]->(:Body {id: 'politburo'}) "
        "WHERE r.possible_from <= date($day) < r.possible_until "
        "RETURN collect(DISTINCT p.id) AS ids", day=day)
    assert sorted(row["ids"]) == ALTERNATES[day]


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
