#!/usr/bin/env python3
"""Generates the intake fixture set: 报告表（污染影响类）2021-format reports as DOCX (python-docx)
and PDF (the same content as HTML, printed by headless Chromium), with known values and seeded
defects, plus one truth file per report.

The layout follows shared/spec/intake.md §1.1 (cover, 编制单位和编制人员情况表, 一…六, 附表 with
①–⑦). Two layout variants (a 4-column 一 table as in most real reports, a 2-column one with other
captions) and several projects; projects p1–p3 are the development half, p4–p6 the test half
(scored, never tuned on).

    python3 tests/intake/make_fixtures.py [OUT_DIR]     # default tests/intake/fixtures
    python3 tests/intake/make_fixtures.py --hostile     # tests/intake/hostile (needs the fixtures)
    python3 tests/intake/make_fixtures.py --formats     # tests/intake/formats (1999 报告表, 报告书)

Needs python-docx and chromium (test tools only; the generated files are committed).
"""

import copy
import json
import os
import shutil
import subprocess
import sys
import tempfile

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

OUT = sys.argv[1] if len(sys.argv) > 1 and not sys.argv[1].startswith("--") else os.path.join(os.path.dirname(__file__), "fixtures")

PROJECTS = {
    "p1": dict(
        layout="A", district="柯桥区", town="马鞍街道", park="柯桥滨海印染集聚区",
        applicant="绍兴华纺印染有限公司", credit="91330621MA2BC12345",
        agency="浙江清源环境科技有限公司", agency_credit="91330100MA27X9876K",
        name="年产8000万米高档面料印染技术改造项目", ctype="技术改造", industry="C1713棉印染精加工",
        address="浙江省绍兴市柯桥区马鞍街道滨海工业区兴滨路88号",
        lon=(120, 38, 12.600), lat=(30, 8, 45.120), total=6000, env=720, land=26000,
        products=[("棉印染布", 8000, "万米/a")],
        outlets=[("DA001", "定型机废气排气筒", 15, 0.8, 60, 30000,
                  [("颗粒物", 12, 0.36, 2.592), ("非甲烷总烃", 30, 0.9, 6.48)]),
                 ("DA002", "污水站废气排气筒", 15, 0.5, 25, 8000,
                  [("氨", 1.5, 0.012, 0.086), ("硫化氢", 0.2, 0.0016, 0.012)])],
        water_t=600000, receiving="绍兴柯桥江滨水处理有限公司", river="曹娥江",
        cod_t=30.0, nh3_t=1.5,
        hazardous=[("废活性炭", "HW49", "900-039-49", 3.2), ("废包装桶", "HW49", "900-041-49", 12.5)],
        receptors=[("新围村", "居住区", "NE", 420), ("海涂村", "居住区", "S", 860)],
        risk=[("保险粉", 5, 50), ("冰醋酸", 10, 10)],
        invest_items=[("废气治理", 300), ("废水预处理", 260), ("噪声治理", 40), ("固废暂存", 60), ("风险防范", 60)],
    ),
    "p2": dict(
        layout="B", district="上虞区", town="杭州湾经济技术开发区", park="杭州湾上虞经济技术开发区",
        applicant="浙江虞舜纺织科技有限公司", credit="91330604MA2D456789",
        agency="绍兴蓝天环保咨询有限公司", agency_credit="91330602MA29Y5432L",
        name="年产5000吨化纤纱线染色扩建项目", ctype="扩建", industry="C1752化纤织物染整精加工",
        address="浙江省绍兴市上虞区杭州湾经济技术开发区纬五路12号",
        lon=(120, 52, 30.000), lat=(30, 10, 5.400), total=3500, env=380, land=15000,
        products=[("染色化纤纱线", 5000, "t/a")],
        outlets=[("DA001", "染色车间废气排气筒", 20, 0.6, 40, 20000,
                  [("非甲烷总烃", 20, 0.4, 2.88)])],
        water_t=280000, receiving="绍兴市上虞区水处理发展有限责任公司", river="曹娥江",
        cod_t=14.0, nh3_t=0.7,
        hazardous=[("染料废包装物", "HW49", "900-041-49", 6.0)],
        receptors=[("沥东村", "居住区", "W", 650)],
        risk=[("保险粉", 3, 50)],
        invest_items=[("废气治理", 120), ("废水预处理", 180), ("噪声治理", 30), ("固废暂存", 50)],
    ),
    "p3": dict(
        layout="A", district="越城区", town="斗门街道", park="袍江经济技术开发区",
        applicant="绍兴越新针织印染有限公司", credit="91330602MA2E778899",
        agency="浙江清源环境科技有限公司", agency_credit="91330100MA27X9876K",
        name="年产3000万米针织面料印染项目", ctype="新建（迁建）", industry="C1762针织或钩针编织物印染精加工",
        address="浙江省绍兴市越城区斗门街道袍江工业区越东路300号",
        lon=(120, 40, 2.250), lat=(30, 4, 33.800), total=8000, env=960, land=32000,
        products=[("针织印染布", 3000, "万米/a")],
        outlets=[("DA001", "定型机废气排气筒", 18, 1.0, 70, 40000,
                  [("颗粒物", 10, 0.4, 2.88), ("油烟", 8, 0.32, 2.304)]),
                 ("DA002", "锅炉废气排气筒", 25, 0.6, 120, 12000,
                  [("二氧化硫", 20, 0.24, 1.728), ("氮氧化物", 50, 0.6, 4.32)])],
        water_t=450000, receiving="绍兴水处理发展有限公司", river="曹娥江",
        cod_t=22.5, nh3_t=1.125,
        hazardous=[("废活性炭", "HW49", "900-039-49", 2.0), ("废矿物油", "HW08", "900-249-08", 0.5)],
        receptors=[("斗门村", "居住区", "N", 380), ("斗门中学", "学校", "E", 1200)],
        risk=[("保险粉", 8, 50), ("氢氧化钠", 20, 200)],
        invest_items=[("废气治理", 400), ("废水预处理", 380), ("噪声治理", 50), ("固废暂存", 70), ("风险防范", 60)],
    ),
    "p4": dict(
        layout="B", district="柯桥区", town="齐贤街道", park="柯桥滨海印染集聚区",
        applicant="绍兴锦程印染有限公司", credit="91330621MA2F135790",
        agency="杭州绿源环境工程有限公司", agency_credit="91330106MA28Z2468M",
        name="年产1.2亿米印染布提升改造项目", ctype="技术改造", industry="C1713棉印染精加工",
        address="浙江省绍兴市柯桥区齐贤街道滨海印染集聚区海涂大道56号",
        lon=(120, 36, 40.300), lat=(30, 9, 20.700), total=12000, env=1500, land=48000,
        products=[("棉印染布", 8000, "万米/a"), ("涤棉印染布", 4000, "万米/a")],
        outlets=[("DA001", "1#定型机废气排气筒", 15, 0.9, 65, 35000,
                  [("颗粒物", 15, 0.525, 3.78), ("非甲烷总烃", 40, 1.4, 10.08)]),
                 ("DA002", "2#定型机废气排气筒", 15, 0.9, 65, 35000,
                  [("颗粒物", 15, 0.525, 3.78), ("非甲烷总烃", 40, 1.4, 10.08)])],
        water_t=900000, receiving="绍兴柯桥江滨水处理有限公司", river="曹娥江",
        cod_t=45.0, nh3_t=2.25,
        hazardous=[("废活性炭", "HW49", "900-039-49", 5.0), ("废包装桶", "HW49", "900-041-49", 18.0)],
        receptors=[("齐贤村", "居住区", "SW", 540)],
        risk=[("保险粉", 10, 50), ("冰醋酸", 6, 10)],
        invest_items=[("废气治理", 700), ("废水预处理", 500), ("噪声治理", 80), ("固废暂存", 120), ("风险防范", 100)],
    ),
    "p5": dict(
        layout="A", district="诸暨市", town="店口镇", park="诸暨经济开发区",
        applicant="诸暨市华东袜业染整有限公司", credit="91330681MA2G246801",
        agency="绍兴蓝天环保咨询有限公司", agency_credit="91330602MA29Y5432L",
        name="年产2亿双袜子染整项目", ctype="新建（迁建）", industry="C1762针织或钩针编织物印染精加工",
        address="浙江省诸暨市店口镇工业区湖东路18号",
        lon=(120, 15, 8.800), lat=(29, 52, 10.100), total=4200, env=500, land=12000,
        products=[("染整袜子", 20000, "万件/a")],
        outlets=[("DA001", "定型废气排气筒", 15, 0.6, 55, 15000,
                  [("颗粒物", 10, 0.15, 1.08), ("非甲烷总烃", 25, 0.375, 2.7)])],
        water_t=120000, receiving="诸暨市店口污水处理有限公司", river="浦阳江",
        cod_t=6.0, nh3_t=0.3,
        hazardous=[("废染料桶", "HW49", "900-041-49", 2.5)],
        receptors=[("湖东村", "居住区", "E", 300)],
        risk=[("保险粉", 2, 50)],
        invest_items=[("废气治理", 200), ("废水预处理", 220), ("噪声治理", 30), ("固废暂存", 50)],
    ),
    "p6": dict(
        layout="B", district="柯桥区", town="马鞍街道", park="柯桥滨海印染集聚区",
        applicant="浙江宏达染整有限公司", credit="91330621MA2H357912",
        agency="浙江清源环境科技有限公司", agency_credit="91330100MA27X9876K",
        name="年产6000万米数码印花面料项目", ctype="扩建", industry="C1752化纤织物染整精加工",
        address="浙江省绍兴市柯桥区马鞍街道滨海工业区南滨路15号",
        lon=(120, 39, 1.000), lat=(30, 7, 58.300), total=5000, env=650, land=20000,
        products=[("数码印花面料", 6000, "万米/a")],
        outlets=[("DA001", "定型机废气排气筒", 15, 0.8, 60, 25000,
                  [("颗粒物", 10, 0.25, 1.8), ("非甲烷总烃", 30, 0.75, 5.4)]),
                 ("DA002", "印花废气排气筒", 15, 0.5, 30, 10000,
                  [("非甲烷总烃", 20, 0.2, 1.44)])],
        water_t=300000, receiving="绍兴柯桥江滨水处理有限公司", river="曹娥江",
        cod_t=15.0, nh3_t=0.75,
        hazardous=[("废墨盒", "HW12", "900-299-12", 1.0), ("废活性炭", "HW49", "900-039-49", 2.4)],
        receptors=[("东江村", "居住区", "NW", 760)],
        risk=[("冰醋酸", 4, 10)],
        invest_items=[("废气治理", 300), ("废水预处理", 220), ("噪声治理", 40), ("固废暂存", 50), ("风险防范", 40)],
    ),
}

AIR_CODES = {"颗粒物": "particulate", "非甲烷总烃": "NMHC", "氨": "NH3", "硫化氢": "H2S",
             "油烟": "oil_fume", "二氧化硫": "SO2", "氮氧化物": "NOx"}
CTYPE = {"技术改造": "technical_renovation", "扩建": "expansion", "新建（迁建）": "new", "改建": "renovation"}


def dms(t, kind):
    d, m, s = t
    return f"{kind}{d}度{m}分{s:.3f}秒"


def deg(t):
    d, m, s = t
    return round(d + m / 60 + s / 3600, 6)


def fmt(v):
    if isinstance(v, float):
        s = f"{v:.4f}".rstrip("0").rstrip(".")
        return s
    return str(v)


# A table: list of rows; a row: list of cells; a cell: str or (str, rowspan, colspan).
def cell(c):
    return (c, 1, 1) if isinstance(c, str) else c


def build(p, defects):
    """The report as blocks: ('h', level, text), ('p', text), ('t', caption, rows)."""
    B = []
    h = lambda lvl, t: B.append(("h", lvl, t))
    para = lambda t: B.append(("p", t))
    tab = lambda cap, rows: B.append(("t", cap, rows))
    A = p["layout"] == "A"
    tick = lambda opts, chosen: " ".join(("☑" if o == chosen else "□") + o for o in opts)
    ratio = round(p["env"] / p["total"] * 100, 2)
    if "ratio" in defects:
        ratio = round(ratio + 3.5, 2)
    height = {o[0]: o[2] for o in p["outlets"]}
    list_height = dict(height)
    if "figure" in defects:
        list_height["DA001"] = height["DA001"] + 5
    out0 = p["products"][0]
    prose_output = out0[1] if "output" not in defects else out0[1] + 1000
    foreign = "foreign" in defects

    # Cover
    B.append(("p", "建设项目环境影响报告表"))
    B.append(("p", "（污染影响类）"))
    para(f"项目名称：{p['name']}")
    para(f"建设单位（盖章）：{p['applicant']}")
    para("编制日期：2026年10月")
    para("中华人民共和国生态环境部制")
    # 编制单位和编制人员情况表
    para("编制单位和编制人员情况表")
    tab("", [
        ["项目编号", ("bh" + p["credit"][-6:].lower(), 1, 3)],
        ["建设项目名称", (p["name"], 1, 3)],
        ["建设项目类别", ("十四、纺织业17-28-化纤织造及印染精加工175", 1, 3)],
        ["环境影响评价文件类型", ("报告表", 1, 3)],
        [("一、建设单位情况", 1, 4)],
        ["单位名称（盖章）", (p["applicant"], 1, 3)],
        ["统一社会信用代码", (p["credit"], 1, 3)],
        ["法定代表人（签章）", ("张某", 1, 3)],
        [("二、编制单位情况", 1, 4)],
        ["单位名称（盖章）", (p["agency"], 1, 3)],
        ["统一社会信用代码", (p["agency_credit"], 1, 3)],
        [("三、编制人员情况", 1, 4)],
        ["姓名", "职业资格证书管理号", "信用编号", "签字"],
        ["李某某", "2015035330352014330003000123", "BH012345", ""],
    ])
    # 一
    h(1, "一、建设项目基本情况")
    coord = f"{dms(p['lon'], '东经')}，{dms(p['lat'], '北纬')}"
    ctype_opts = ["新建（迁建）", "改建", "扩建", "技术改造"]
    if A:
        rows = [
            ["建设项目名称", (p["name"], 1, 3)],
            ["项目代码", ("2610-330621-07-02-123456", 1, 3)],
            ["建设单位联系人", "王某", "联系方式", "1370000****"],
            ["建设地点", (p["address"], 1, 3)],
            ["地理坐标", (coord, 1, 3)],
            ["国民经济行业类别", p["industry"], "建设项目行业类别", "十四、纺织业17-28-化纤织造及印染精加工175"],
            ["建设性质", tick(ctype_opts, p["ctype"]), "建设项目申报情形", tick(["首次申报项目", "不予批准后再次申报项目", "超五年重新审核项目", "重大变动重新报批项目"], "首次申报项目")],
            ["项目审批（核准/备案）部门（选填）", f"绍兴市{p['district']}发展和改革局", "项目审批（核准/备案）文号（选填）", "2610-330621-07-02-123456"],
            ["总投资（万元）", fmt(p["total"]), "环保投资（万元）", fmt(p["env"])],
            ["环保投资占比（%）", fmt(ratio), "施工工期", "12个月"],
            ["是否开工建设", ("☑否 □是：", 1, 3)],
            ["用地（用海）面积（m2）", (f"{p['land']}", 1, 3)],
            ["专项评价设置情况", ("无", 1, 3)],
            ["规划情况", (f"《{p['park']}总体规划》", 1, 3)],
        ]
    else:
        rows = [
            ["建设项目名称", p["name"]],
            ["项目代码", "2610-330604-07-02-654321"],
            ["建设地点", p["address"]],
            ["地理坐标", coord],
            ["国民经济行业类别", p["industry"]],
            ["建设项目行业类别", "十四、纺织业17-28-化纤织造及印染精加工175"],
            ["建设性质", tick(ctype_opts, p["ctype"])],
            ["建设项目申报情形", tick(["首次申报项目", "不予批准后再次申报项目", "超五年重新审核项目", "重大变动重新报批项目"], "首次申报项目")],
            ["总投资（万元）", fmt(p["total"])],
            ["环保投资（万元）", fmt(p["env"])],
            ["环保投资占比（%）", fmt(ratio)],
            ["施工工期", "10个月"],
            ["是否开工建设", "☑否 □是"],
            ["用地面积（m2）", f"占地面积{p['land']}㎡"],
            ["专项评价设置情况", "无"],
        ]
    tab("", rows)
    law = "《中华人民共和国环境影响评价法》" if "repealed" in defects else "《中华人民共和国生态环境法典》"
    para(f"其他符合性分析：本项目位于{p['park']}，符合《绍兴市“三线一单”生态环境分区管控方案》要求；"
         f"根据{law}及《建设项目环境影响评价分类管理名录（2021年版）》，本项目应编制环境影响报告表。")
    # 二
    h(1, "二、建设项目工程分析")
    who = p["applicant"] if not foreign else "浙江永盛印染有限公司"
    place = p["district"] if not foreign else ("上虞区" if p["district"] != "上虞区" else "柯桥区")
    para(f"建设内容：{p['applicant']}拟投资{fmt(p['total'])}万元，在{p['address']}实施{p['name']}。")
    para(f"项目建成后形成年产{fmt(prose_output)}{out0[2].replace('/a', '')}{out0[0]}的生产能力。")
    para(f"项目所在地属{place}，{who}现有厂区内已配套建设废水预处理设施，生产废水经预处理后纳管排放。")
    cap = "表2-1 主要产品及产能一览表" if A else "表2-1 产品方案"
    prod_rows = [["序号", "产品名称", "年产量", "单位"] if A else ["产品", "设计产能", "计量单位", "备注"]]
    for i, (n, q, u) in enumerate(p["products"], 1):
        prod_rows.append([str(i), n, fmt(q), u] if A else [n, fmt(q), u, "/"])
    para(cap)
    tab(cap, prod_rows)
    para("工艺流程：坯布→前处理（退浆、煮练、漂白）→染色→水洗→定型→检验→成品。定型工序产生定型废气，"
         "染色及水洗工序产生印染废水，污水站产生恶臭废气。")
    para("主要设备：高温高压溢流染色机、拉幅定型机、退煮漂联合机等，设备均不属于淘汰类设备。")
    # 三
    h(1, "三、区域环境质量现状、环境保护目标及评价标准")
    para(f"区域环境质量现状：根据《{p['district'] if p['district'].endswith('市') else '绍兴市'}生态环境状况公报》，项目所在区域为环境空气质量达标区。"
         f"纳污水体{p['river']}水质满足《地表水环境质量标准》（GB 3838-2002）Ⅲ类标准。")
    para("表3-1 环境保护目标一览表")
    rec = [["名称", "保护对象", "保护内容", "环境功能区", "相对厂址方位", "相对厂界距离/m"]]
    dir_zh = {"N": "北", "NE": "东北", "E": "东", "SE": "东南", "S": "南", "SW": "西南", "W": "西", "NW": "西北"}
    for n, k, d, m in p["receptors"]:
        rec.append([n, k, "人群", "二类区", dir_zh[d], str(m)])
    tab("表3-1", rec)
    std_water = "GB 4287-2021" if "standard" in defects else "GB 4287-2012"
    para("污染物排放控制标准：")
    tab("表3-2", [
        ["类别", "标准名称及编号", "污染物", "限值"],
        ["废水", f"《{'污水综合排放标准' if 'title' in defects else '纺织染整工业水污染物排放标准'}》（{std_water}）间接排放限值", "COD", "200mg/L"],
        ["废气", "《纺织染整工业大气污染物排放标准》（DB33/962-2015）", "颗粒物", "15mg/m3"],
        ["噪声", "《工业企业厂界环境噪声排放标准》（GB 12348-2008）3类", "等效声级", "昼间65dB(A)"],
    ])
    para("总量控制指标：")
    tc = [["污染物", "排放量（t/a）", "需分配的总量（t/a）"],
          ["COD", fmt(p["cod_t"]), fmt(p["cod_t"])],
          ["氨氮", fmt(p["nh3_t"]), fmt(p["nh3_t"])]]
    tab("表3-3", tc)
    # 四
    h(1, "四、主要环境影响和保护措施")
    para("运营期环境影响和保护措施")
    para("1、废气")
    for o in p["outlets"]:
        para(f"{o[1].replace('排气筒', '')}经收集处理后通过{o[2]}m高排气筒（{o[0]}）排放，设计风量{o[5]}m3/h。")
    para("表4-1 排放口基本情况表")
    ob = [["排放口编号", "排放口名称", "排气筒高度/m", "排气筒内径/m", "排气温度/℃", "类型"]]
    for o in p["outlets"]:
        ob.append([o[0], o[1], str(o[2]), fmt(o[3]), str(o[4]), "一般排放口"])
    tab("表4-1", ob)
    para("表4-2 大气污染物有组织排放情况")
    em = [["排放口", "污染物", "排放浓度（mg/m3）", "排放速率（kg/h）", "排放量（t/a）"]]
    for o in p["outlets"]:
        for j, (n, c, r, l) in enumerate(o[6]):
            em.append([(o[0], len(o[6]), 1) if j == 0 else None, n, fmt(c), fmt(r), fmt(l)])
    tab("表4-2", [[c for c in row if c is not None] for row in em])
    para("2、废水")
    para(f"项目废水排放量为{p['water_t']}t/a，经厂内预处理达到间接排放限值后纳入{p['receiving']}处理，"
         f"尾水排入{p['river']}。")
    para("表4-3 废水类别、污染物及治理设施信息表")
    tab("表4-3", [
        ["废水类别", "污染物项目", "治理设施", "排放去向", "排放方式", "排放口编号"],
        ["印染废水", "COD、氨氮、总氮、总磷", "调节+混凝沉淀+生化", p["receiving"], "间接排放", "DW001"],
    ])
    para("3、固体废物")
    para("表4-4 危险废物汇总表")
    hw = [["危险废物名称", "危险废物类别", "危险废物代码", "产生量（t/a）", "产生工序及装置", "形态", "危险特性", "污染防治措施"]]
    for n, c, code, q in p["hazardous"]:
        hw.append([n, c, code, fmt(q), "生产", "固态", "T", "委托绍兴华鑫环保科技有限公司处置"])
    tab("表4-4", hw)
    para("4、环境风险")
    q = [["危险物质名称", "最大储存量（t）", "临界量（t）", "Q值"]]
    for n, s, c in p["risk"]:
        q.append([n, fmt(s), fmt(c), fmt(round(s / c, 3))])
    tab("表4-5", q)
    para("5、环保投资")
    inv = [["项目", "投资（万元）"]] + [[n, fmt(v)] for n, v in p["invest_items"]]
    total_inv = sum(v for _, v in p["invest_items"])
    if "subtotal" in defects:
        total_inv += 50
    inv.append(["合计", fmt(total_inv)])
    tab("表4-6 环保投资一览表", inv)
    # 五
    h(1, "五、环境保护措施监督检查清单")
    lst = [["要素\\内容", "排放口(编号、名称)/污染源", "污染物项目", "环境保护措施", "执行标准"]]
    for i, o in enumerate(p["outlets"]):
        lst.append([("大气环境", len(p["outlets"]), 1) if i == 0 else None, f"{o[0]} {o[1]}",
                    "、".join(x[0] for x in o[6]), f"收集处理后经{list_height[o[0]]}m高排气筒排放",
                    "DB33/962-2015"])
    lst.append(["地表水环境", "DW001", "COD、氨氮", "预处理后纳管", f"{std_water}间接排放限值"])
    lst.append(["声环境", "设备噪声", "等效声级", "隔声、减振", "GB 12348-2008 3类"])
    tab("五", [[c for c in row if c is not None] for row in lst])
    # 六
    h(1, "六、结论")
    para(f"{p['name']}符合国家和地方产业政策，选址位于{p['park']}，污染物能够达标排放，"
         "从环境保护角度分析，本项目建设可行。")
    # 附表
    h(1, "附表")
    para("建设项目污染物排放量汇总表")
    head = ["项目分类", "污染物名称", "现有工程排放量（固体废物产生量）①", "现有工程许可排放量②",
            "在建工程排放量（固体废物产生量）③", "本项目排放量（固体废物产生量）④",
            "以新带老削减量（新建项目不填）⑤", "本项目建成后全厂排放量（固体废物产生量）⑥", "变化量⑦"]
    rows = [head]
    air_tot = {}
    for o in p["outlets"]:
        for n, c, r, l in o[6]:
            air_tot[n] = round(air_tot.get(n, 0) + l, 4)
    groups = [("废气", list(air_tot.items())), ("废水", [("COD", p["cod_t"]), ("氨氮", p["nh3_t"])]),
              ("危险废物", [(n, q) for n, _, _, q in p["hazardous"]])]
    broken = "appendix" in defects
    for g, items in groups:
        for j, (n, v) in enumerate(items):
            existing = round(v * 0.5, 4) if p["ctype"] != "新建（迁建）" else 0
            cut = round(existing * 0.2, 4) if existing else 0
            after = round(existing + v - cut, 4)
            change = round(after - existing, 4)
            if broken and g == "废水" and j == 0:
                after = round(after + 2.0, 4)
                change = round(after - existing, 4)
            fmtz = lambda x: "/" if (x == 0 and p["ctype"] == "新建（迁建）") else fmt(x)
            rows.append([(g, len(items), 1) if j == 0 else None, n, fmtz(existing), fmtz(existing), "/",
                         fmt(v), fmtz(cut), fmt(after), fmt(change)])
    tab("附表", [[c for c in row if c is not None] for row in rows])
    para("注：⑥=①+③+④-⑤；⑦=⑥-①")
    # 附件: a third party legitimately named
    h(1, "附件")
    para(f"附件1 营业执照；附件2 租赁合同（出租方：绍兴嘉丰纺织有限公司，位于上虞区）；附件3 排水许可证。")
    return B


def truth(p, defects):
    """Expected extracted values (flattened paths) and expected defect rule ids."""
    t = {
        "project.name": p["name"], "project.applicant": p["applicant"],
        "project.credit_code": p["credit"], "project.eia_agency": p["agency"],
        "project.document_type": "report_table",
        "project.construction_type": CTYPE[p["ctype"]],
        "project.industry_code": p["industry"][:5],
        "project.investment_total_wan_yuan": p["total"], "project.investment_env_wan_yuan": p["env"],
        "location.district": p["district"], "location.address": p["address"],
        "location.longitude": deg(p["lon"]), "location.latitude": deg(p["lat"]),
        "location.land_area_m2": p["land"],
        "water.discharged_t_per_year": p["water_t"], "water.discharge_mode": "indirect",
        "water.receiving": p["receiving"], "water.outlet_id": "DW001",
        "assessment.special_assessments": [],
    }
    for i, (n, q, u) in enumerate(p["products"]):
        t[f"products[{i}].name"] = n
        t[f"products[{i}].output"] = q
        t[f"products[{i}].unit"] = u
    for i, o in enumerate(p["outlets"]):
        t[f"air.outlets[{i}].id"] = o[0]
        t[f"air.outlets[{i}].height_m"] = o[2]
        t[f"air.outlets[{i}].inner_diameter_m"] = o[3]
        t[f"air.outlets[{i}].exit_temperature_c"] = o[4]
        for j, (n, c, r, l) in enumerate(o[6]):
            base = f"air.outlets[{i}].pollutants[{j}]"
            t[base + ".code"] = AIR_CODES[n]
            t[base + ".concentration_mg_per_m3"] = c
            t[base + ".rate_kg_per_h"] = r
            t[base + ".load_t_per_year"] = l
    for i, (n, c, code, q) in enumerate(p["hazardous"]):
        t[f"solid_waste[{i}].name"] = n
        t[f"solid_waste[{i}].category"] = "hazardous"
        t[f"solid_waste[{i}].code"] = c
        t[f"solid_waste[{i}].t_per_year"] = q
    for i, (n, k, d, m) in enumerate(p["receptors"]):
        t[f"receptors[{i}].name"] = n
        t[f"receptors[{i}].direction"] = d
        t[f"receptors[{i}].distance_m"] = m
    t["total_control[0].pollutant"] = "COD"
    t["total_control[0].amount_t_per_year"] = p["cod_t"]
    t["total_control[1].pollutant"] = "NH3N"
    t["total_control[1].amount_t_per_year"] = p["nh3_t"]
    for i, (n, s, c) in enumerate(p["risk"]):
        t[f"risk.substances[{i}].name"] = n
        t[f"risk.substances[{i}].max_storage_t"] = s
        t[f"risk.substances[{i}].critical_quantity_t"] = c
    rules = {
        "figure": ["doc.restated.stack_height"],
        "output": ["doc.restated.product_output"],
        "foreign": ["doc.foreign.place", "doc.foreign.company"],
        "appendix": ["doc.arith.appendix"],
        "ratio": ["doc.arith.investment_ratio"],
        "subtotal": ["doc.arith.subtotal"],
        "standard": ["doc.standard.unknown"],
        "repealed": ["doc.standard.repealed"],
        "title": ["doc.standard.title"],
        "copy": ["doc.copy.section", "doc.foreign.place"],
    }
    expected = sorted({r for d in defects for r in rules[d]})
    return {"fields": t, "defects": sorted(defects), "expected_rules": expected}


def write_docx(blocks, path):
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "SimSun"
    style.font.size = Pt(10.5)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "SimSun")
    for b in blocks:
        if b[0] == "h":
            doc.add_heading(b[2], level=b[1])
        elif b[0] == "p":
            doc.add_paragraph(b[1])
        else:
            rows = b[2]
            # place cells on a grid
            placed = []
            occupied = set()
            for r, row in enumerate(rows):
                c = 0
                for raw in row:
                    text, rs, cs = cell(raw)
                    while (r, c) in occupied:
                        c += 1
                    placed.append((r, c, rs, cs, text))
                    for dr in range(rs):
                        for dc in range(cs):
                            occupied.add((r + dr, c + dc))
                    c += cs
            nrows = len(rows)
            ncols = max(c + cs for (_, c, _, cs, _) in placed)
            table = doc.add_table(rows=nrows, cols=ncols)
            table.style = "Table Grid"
            for r, c, rs, cs, text in placed:
                a = table.cell(r, c)
                if rs > 1 or cs > 1:
                    a = a.merge(table.cell(r + rs - 1, c + cs - 1))
                a.text = text
    doc.save(path)


def html_of(blocks):
    out = ["<html><head><meta charset='utf-8'><style>",
           "body{font-family:'WenQuanYi Micro Hei','Noto Serif CJK SC',sans-serif;font-size:10.5pt;margin:2cm}",
           "table{border-collapse:collapse;width:100%;margin:6pt 0}",
           "td{border:1px solid #000;padding:3pt;vertical-align:middle}",
           "h1{font-size:14pt}</style></head><body>"]
    for b in blocks:
        if b[0] == "h":
            out.append(f"<h{b[1]}>{b[2]}</h{b[1]}>")
        elif b[0] == "p":
            out.append(f"<p>{b[1]}</p>")
        else:
            out.append("<table>")
            for row in b[2]:
                out.append("<tr>" + "".join(
                    f"<td rowspan='{rs}' colspan='{cs}'>{t}</td>" for t, rs, cs in map(cell, row)) + "</tr>")
            out.append("</table>")
    out.append("</body></html>")
    return "\n".join(out)


def write_pdf(blocks, path):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not chromium:
        raise SystemExit("chromium not found (needed to print the PDF fixtures)")
    with tempfile.TemporaryDirectory() as tmp:
        html = os.path.join(tmp, "r.html")
        with open(html, "w", encoding="utf-8") as f:
            f.write(html_of(blocks))
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu",
                        "--no-pdf-header-footer", f"--print-to-pdf={os.path.abspath(path)}",
                        f"file://{html}"], check=True, capture_output=True)


# (project, defects, formats); copy: section 二 of p2 pasted into p1 with the names changed.
CASES = [
    ("p1", [], ["docx", "pdf"]), ("p2", [], ["docx", "pdf"]), ("p3", [], ["docx", "pdf"]),
    ("p1", ["figure", "foreign"], ["docx", "pdf"]),
    ("p2", ["appendix", "ratio"], ["docx", "pdf"]),
    ("p3", ["standard", "repealed", "subtotal", "output"], ["docx", "pdf"]),
    ("p1", ["copy"], ["docx"]),
    ("p3", ["title"], ["docx"]),
    ("p4", [], ["docx", "pdf"]), ("p5", [], ["docx", "pdf"]), ("p6", [], ["docx", "pdf"]),
    ("p4", ["appendix", "foreign"], ["docx", "pdf"]),
    ("p5", ["figure", "subtotal", "standard"], ["docx", "pdf"]),
    ("p6", ["ratio", "repealed", "output"], ["docx", "pdf"]),
    ("p6", ["copy"], ["docx"]),
    ("p4", ["title"], ["pdf"]),
]


def copy_section_two(blocks, donor_blocks, p, donor):
    """Section 二 of the donor, with the donor's company/place names replaced by ours."""
    def section(bs):
        start = next(i for i, b in enumerate(bs) if b[0] == "h" and b[2].startswith("二、"))
        end = next(i for i, b in enumerate(bs) if b[0] == "h" and b[2].startswith("三、"))
        return start, end
    s, e = section(blocks)
    ds, de = section(donor_blocks)
    pasted = []
    for b in donor_blocks[ds:de]:
        b = json.loads(json.dumps(b, ensure_ascii=False).replace(donor["applicant"], p["applicant"]).replace(donor["address"], p["address"]))
        pasted.append(tuple(b))
    return blocks[:s] + pasted + blocks[e:]


def main():
    os.makedirs(OUT, exist_ok=True)
    library = os.path.join(OUT, "library")
    os.makedirs(library, exist_ok=True)
    for pid, defects, formats in CASES:
        p = PROJECTS[pid]
        blocks = build(p, set(defects))
        if "copy" in defects:
            donor = PROJECTS["p2"] if pid == "p1" else PROJECTS["p5"]
            blocks = copy_section_two(blocks, build(donor, set()), p, donor)
        name = pid + ("_" + "_".join(defects) if defects else "_clean")
        t = truth(p, set(defects))
        if "copy" in defects:
            # The pasted section carries the donor's product table: that is what the document says.
            for k in [k for k in t["fields"] if k.startswith("products[")]:
                del t["fields"][k]
            for i, (n, q, u) in enumerate(donor["products"]):
                t["fields"][f"products[{i}].name"] = n
                t["fields"][f"products[{i}].output"] = q
                t["fields"][f"products[{i}].unit"] = u
        t["half"] = "dev" if pid in ("p1", "p2", "p3") else "test"
        for f in formats:
            path = os.path.join(OUT, f"{name}.{f}")
            (write_docx if f == "docx" else write_pdf)(blocks, path)
            print("wrote", path)
        with open(os.path.join(OUT, f"{name}.truth.json"), "w", encoding="utf-8") as fh:
            json.dump(t, fh, ensure_ascii=False, indent=1)
    # The library of earlier reports the copy check compares with: the clean reports of the
    # donors and of two other projects by the same consultants (template reuse, not copying).
    for pid in ("p2", "p5", "p3", "p6"):
        write_docx(build(PROJECTS[pid], set()), os.path.join(library, f"{pid}_earlier.docx"))


if __name__ == "__main__" and "--hostile" not in sys.argv and "--formats" not in sys.argv:
    main()


def pdf_bytes(pages, encrypted=False, text=True):
    """A minimal PDF writer: `pages` pages with one line of Helvetica text each (or none)."""
    objs = []
    objs.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(pages))
    objs.append(f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode())
    font_id = 3 + 2 * pages
    for i in range(pages):
        content = (f"BT /F1 12 Tf 72 720 Td (Page {i + 1} of a long report, text layer present.) Tj ET"
                   if text else "0 0 m 100 100 l S")
        objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 {font_id} 0 R >> >> /Contents {4 + 2 * i} 0 R >>".encode())
        data = content.encode()
        objs.append(b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream")
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    if encrypted:
        objs.append(b"<< /Filter /Standard /V 1 /R 2 /O (0123456789abcdef0123456789abcdef) /U (0123456789abcdef0123456789abcdef) /P -4 >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    trailer = f"<< /Size {len(objs) + 1} /Root 1 0 R"
    if encrypted:
        trailer += f" /Encrypt {len(objs)} 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]"
    out += ("trailer\n" + trailer + " >>\nstartxref\n%d\n%%%%EOF\n" % xref).encode()
    return bytes(out)


def hostile(out_dir):
    """Hostile inputs: each must end with a clear message within the limits."""
    import zipfile
    os.makedirs(out_dir, exist_ok=True)
    clean = open(os.path.join(OUT, "p1_clean.docx"), "rb").read()
    open(os.path.join(out_dir, "truncated.docx"), "wb").write(clean[: len(clean) * 6 // 10])
    ct = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

    def docx(name, xml_chunks):
        with zipfile.ZipFile(os.path.join(out_dir, name), "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
            z.writestr("[Content_Types].xml", ct)
            with z.open("word/document.xml", "w") as f:
                for chunk in xml_chunks:
                    f.write(chunk)

    # 300 MB of text compressed to well under 1 MB.
    def bomb():
        yield f'<?xml version="1.0"?><w:document {W}><w:body><w:p><w:r><w:t>'.encode()
        block = b"A" * (1 << 20)
        for _ in range(300):
            yield block
        yield b"</w:t></w:r></w:p></w:body></w:document>"
    docx("bomb.docx", bomb())
    laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
              '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
              f'<w:document {W}><w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>')
    docx("entities.docx", [laughs.encode()])

    def tables():
        yield f'<?xml version="1.0"?><w:document {W}><w:body>'.encode()
        cell = b"<w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc>"
        for _ in range(10000):
            yield b"<w:tbl><w:tr>" + cell * 2 + b"</w:tr></w:tbl>"
        yield b"</w:body></w:document>"
    docx("tables10k.docx", tables())
    open(os.path.join(out_dir, "pages500.pdf"), "wb").write(pdf_bytes(500))
    open(os.path.join(out_dir, "encrypted.pdf"), "wb").write(pdf_bytes(2, encrypted=True))
    open(os.path.join(out_dir, "scanned.pdf"), "wb").write(pdf_bytes(3, text=False))
    open(os.path.join(out_dir, "legacy.doc"), "wb").write(bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + b"\0" * 504)
    open(os.path.join(out_dir, "not-a-report.pdf"), "wb").write(b"GIF89a" + b"\0" * 100)


def formats(out_dir):
    """The two other formats the intake recognises: the 1999 报告表 and a 报告书 (with a 目录)."""
    os.makedirs(out_dir, exist_ok=True)
    p = PROJECTS["p1"]
    old = [("p", "建设项目环境影响报告表"), ("p", f"项目名称：{p['name']}"), ("p", f"建设单位（盖章）：{p['applicant']}"),
           ("p", "国家环境保护总局制"),
           ("h", 1, "一、建设项目基本情况"),
           ("t", "", [["项目名称", p["name"]], ["建设单位", p["applicant"]], ["建设地点", p["address"]],
                      ["行业类别及代码", p["industry"]], ["总投资（万元）", fmt(p["total"])], ["环保投资（万元）", fmt(p["env"])]]),
           ("h", 1, "二、建设项目所在地自然环境社会环境简况"), ("p", "项目所在地属亚热带季风气候。"),
           ("h", 1, "三、环境质量状况"), ("p", "区域环境空气质量达标。"),
           ("h", 1, "四、评价适用标准"), ("p", "废水执行《纺织染整工业水污染物排放标准》（GB 4287-2012）。"),
           ("h", 1, "五、建设项目工程分析"), ("p", "工艺流程：坯布→前处理→染色→定型→成品。"),
           ("h", 1, "六、项目主要污染物产生及预计排放情况"), ("p", "废水、废气、固废、噪声。"),
           ("h", 1, "七、环境影响分析"), ("p", "影响可接受。"),
           ("h", 1, "八、建设项目拟采取的防治措施及预期治理效果"), ("p", "措施可行。"),
           ("h", 1, "九、结论与建议"), ("p", "项目建设可行。")]
    write_docx(old, os.path.join(out_dir, "report_table_1999.docx"))
    book = [("p", "建设项目环境影响报告书"), ("p", f"项目名称：{p['name']}"), ("p", f"建设单位：{p['applicant']}"),
            ("p", "目录")]
    chapters = ["概述", "总则", "工程分析", "环境现状调查与评价", "环境影响预测与评价", "环境保护措施及其可行性论证",
                "环境影响经济损益分析", "环境管理与监测计划", "环境影响评价结论"]
    book += [("p", f"{i} {c}……{i * 10}") for i, c in enumerate(chapters, 1)]
    for i, c in enumerate(chapters, 1):
        book += [("h", 1, f"{i} {c}"), ("p", f"本章为{c}。")]
    write_docx(book, os.path.join(out_dir, "report_book.docx"))
    write_docx([("p", "关于召开年度工作会议的通知"), ("p", "各有关单位：定于下周召开会议。")],
               os.path.join(out_dir, "not_an_eia.docx"))


if __name__ == "__main__" and "--formats" in sys.argv:
    formats(os.path.join(os.path.dirname(OUT), "formats"))


if __name__ == "__main__" and "--hostile" in sys.argv:
    hostile(os.path.join(os.path.dirname(OUT), "hostile"))
