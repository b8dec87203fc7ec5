#!/usr/bin/env python3
"""Writes the illustrative (示意) zoning layers in corpus/zoning/.

The official Shaoxing layers (环境管控单元, 生态保护红线, 饮用水水源保护区, the 曹娥江 key
protection zone as delimited by the city government) are not published in machine form. These
layers are hand-drawn approximations from public descriptions (domain.md §6.1-§6.3 and general
geography), good to a few hundred metres at best and often to kilometres. Every collection and
every feature is marked `illustrative: true`, and every conclusion drawn from them says so.
A bureau replaces them with its official layers (corpus/zoning/README.md).

Run from the repository root: python3 scripts/zoning_illustrative.py
Coordinates are WGS-84 degrees (lon, lat).
"""
import json
import math
import os

OUT = os.path.join(os.path.dirname(__file__), "..", "corpus", "zoning")
NOTE = "示意：依据公开资料手工近似绘制，非官方划定范围，精度为数百米至数公里"


def circle(lon, lat, radius_m, n=36):
    dx = radius_m / (111_320.0 * math.cos(math.radians(lat)))
    dy = radius_m / 110_574.0
    ring = [
        [round(lon + dx * math.cos(2 * math.pi * i / n), 5),
         round(lat + dy * math.sin(2 * math.pi * i / n), 5)]
        for i in range(n)
    ]
    return ring + [ring[0]]


def ring(points):
    pts = [[lon, lat] for lon, lat in points]
    if pts[0] != pts[-1]:
        pts.append(pts[0])
    return pts


def polygon(points, holes=()):
    return {"type": "Polygon", "coordinates": [ring(points)] + [ring(h) for h in holes]}


def circle_polygon(lon, lat, radius_m):
    return {"type": "Polygon", "coordinates": [circle(lon, lat, radius_m)]}


def feature(geometry, **props):
    props.setdefault("illustrative", True)
    return {"type": "Feature", "properties": props, "geometry": geometry}


def write(name, title, features):
    collection = {
        "type": "FeatureCollection",
        "name": name,
        "title": title,
        "illustrative": True,
        "note": NOTE,
        "crs_note": "WGS-84 经纬度（度）",
        "features": features,
    }
    path = os.path.join(OUT, f"{name}.geojson")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(collection, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(path, len(features))


# County-level divisions of Shaoxing, coarse outlines.
DISTRICTS = {
    "柯桥区": [(120.33, 30.02), (120.38, 30.16), (120.50, 30.23), (120.62, 30.27), (120.72, 30.25),
             (120.72, 30.12), (120.56, 30.10), (120.52, 30.02), (120.55, 29.95), (120.66, 29.93),
             (120.70, 29.82), (120.66, 29.76), (120.55, 29.72), (120.45, 29.80), (120.40, 29.90)],
    "越城区": [(120.52, 30.02), (120.56, 30.10), (120.72, 30.12), (120.80, 30.14), (120.80, 30.02),
             (120.74, 29.96), (120.66, 29.93), (120.55, 29.95)],
    "上虞区": [(120.80, 30.14), (120.80, 30.24), (120.95, 30.22), (121.05, 30.15), (121.10, 30.05),
             (121.05, 29.90), (121.00, 29.78), (120.90, 29.73), (120.78, 29.76), (120.70, 29.82),
             (120.66, 29.93), (120.74, 29.96), (120.80, 30.02)],
    "诸暨市": [(119.95, 29.60), (120.05, 29.85), (120.20, 29.98), (120.33, 30.02), (120.40, 29.90),
             (120.45, 29.80), (120.55, 29.72), (120.50, 29.55), (120.40, 29.40), (120.20, 29.35),
             (120.05, 29.40)],
    "嵊州市": [(120.55, 29.72), (120.66, 29.76), (120.70, 29.82), (120.78, 29.76), (120.90, 29.73),
             (121.00, 29.78), (121.10, 29.70), (121.05, 29.56), (120.95, 29.56), (120.85, 29.53),
             (120.72, 29.42), (120.60, 29.45), (120.50, 29.55)],
    "新昌县": [(120.72, 29.42), (120.85, 29.53), (120.95, 29.56), (121.05, 29.56), (121.15, 29.45),
             (121.15, 29.30), (121.05, 29.18), (120.90, 29.15), (120.78, 29.22), (120.72, 29.32)],
}

# Industrial parks. dyeing: "cluster" = a designated printing-and-dyeing cluster;
# "unverified" = whether the park plan and its planning EIA admit dyeing is not known here.
PARKS = [
    dict(name="柯桥滨海印染集聚区（蓝印时尚小镇）", district="柯桥区",
         aliases=["滨海印染集聚区", "蓝印时尚小镇", "柯桥滨海工业区", "滨海工业区", "柯桥滨海印染集聚区"],
         dyeing="cluster", central_heating=True, central_wwtp=True,
         remark="柯桥区印染企业“一园式集聚”所在地",
         shape=[(120.56, 30.135), (120.60, 30.128), (120.70, 30.13), (120.70, 30.195),
                (120.64, 30.20), (120.56, 30.20)]),
    dict(name="杭州湾上虞经济技术开发区", district="上虞区",
         aliases=["上虞经济技术开发区", "杭州湾上虞经开区", "上虞经开区"],
         dyeing="unverified", central_heating=True, central_wwtp=True,
         remark="园区规划及规划环评是否允许印染未核实",
         shape=[(120.82, 30.09), (120.96, 30.09), (120.98, 30.17), (120.84, 30.19)]),
    dict(name="袍江经济技术开发区", district="越城区", aliases=["袍江开发区", "袍江工业区"],
         dyeing="unverified", central_heating=True, central_wwtp=True,
         remark="越城区最后4家印染企业已于2017年关停，新建印染与地方布局的关系须核实",
         shape=[(120.60, 30.05), (120.68, 30.05), (120.69, 30.10), (120.61, 30.10)]),
    dict(name="诸暨经济开发区", district="诸暨市", aliases=["诸暨经开区"],
         dyeing="unverified", central_heating=True, central_wwtp=True,
         remark="诸暨许可排放量3000吨/日以下的印染企业已关停",
         shape=[(120.17, 29.74), (120.23, 29.74), (120.23, 29.79), (120.17, 29.79)]),
    dict(name="嵊州经济开发区", district="嵊州市", aliases=["嵊州经开区"],
         dyeing="unverified", central_heating=False, central_wwtp=True,
         remark="园区规划及规划环评是否允许印染未核实",
         shape=[(120.74, 29.60), (120.79, 29.60), (120.79, 29.64), (120.74, 29.64)]),
    dict(name="新昌高新技术产业园区", district="新昌县", aliases=["新昌高新区"],
         dyeing="unverified", central_heating=False, central_wwtp=True,
         remark="园区规划及规划环评是否允许印染未核实",
         shape=[(120.86, 29.47), (120.92, 29.47), (120.92, 29.495), (120.86, 29.495)]),
]

URBAN = [
    ("柯桥区", "柯桥城区", 120.49, 30.08, 5000),
    ("越城区", "越城城区", 120.58, 30.00, 5000),
    ("上虞区", "上虞城区", 120.88, 30.03, 4000),
    ("诸暨市", "诸暨城区", 120.24, 29.71, 4000),
    ("嵊州市", "嵊州城区", 120.83, 29.60, 3500),
    ("新昌县", "新昌城区", 120.90, 29.50, 3000),
]

REDLINES = [
    ("会稽山生态保护红线（示意）", "柯桥区", [(120.52, 29.80), (120.60, 29.90), (120.66, 29.885),
                                   (120.70, 29.80), (120.62, 29.74)]),
    ("四明山生态保护红线（示意）", "上虞区", [(121.00, 29.70), (121.10, 29.72), (121.12, 29.85),
                                   (121.02, 29.86)]),
    ("东白山生态保护红线（示意）", "诸暨市", [(120.35, 29.38), (120.48, 29.40), (120.47, 29.50),
                                   (120.36, 29.49)]),
    ("天姥山生态保护红线（示意）", "新昌县", [(121.00, 29.30), (121.12, 29.31), (121.12, 29.42),
                                   (121.01, 29.41)]),
]

# (name, district, lon, lat, first-level radius, second-level radius, quasi radius or None)
WATER_SOURCES = [
    ("汤浦水库", "上虞区", 120.75, 29.87, 1500, 4000, 7000),
    ("平水江水库", "柯桥区", 120.64, 29.90, 1000, 3000, None),
    ("钦寸水库", "新昌县", 120.98, 29.40, 1500, 4000, None),
    ("石壁水库", "诸暨市", 120.35, 29.62, 1000, 3000, None),
    ("南山水库", "嵊州市", 120.72, 29.50, 1000, 3000, None),
]

RIVERS = [
    dict(name="曹娥江", reach="嵊州南津桥至曹娥江大闸干流", belt_m=100, half_width_m=150,
         line=[(120.822, 29.590), (120.815, 29.64), (120.800, 29.70), (120.795, 29.75),
               (120.790, 29.80), (120.795, 29.86), (120.815, 29.92), (120.845, 29.97),
               (120.862, 30.005), (120.867, 30.03), (120.858, 30.06), (120.845, 30.085),
               (120.820, 30.12), (120.790, 30.16)]),
    dict(name="澄潭江", reach="镜岭大桥以下", belt_m=50, half_width_m=80,
         line=[(120.78, 29.36), (120.80, 29.42), (120.83, 29.47), (120.83, 29.53),
               (120.822, 29.590)]),
]

RECEPTORS = [
    ("马鞍街道居民集中区（示意）", "residential", 120.620, 30.122),
    ("马鞍中学（示意）", "school", 120.605, 30.118),
    ("安昌街道居民集中区（示意）", "residential", 120.530, 30.110),
    ("滨海社区卫生服务中心（示意）", "hospital", 120.660, 30.124),
    ("沥海街道居民集中区（示意）", "residential", 120.860, 30.150),
    ("孙端街道居民集中区（示意）", "residential", 120.720, 30.080),
]


def main():
    os.makedirs(OUT, exist_ok=True)
    write("districts", "绍兴市县级行政区（示意）",
          [feature(polygon(pts), name=name) for name, pts in DISTRICTS.items()])

    write("parks", "工业园区与印染集聚区（示意）", [
        feature(polygon(p["shape"]), **{k: v for k, v in p.items() if k != "shape"})
        for p in PARKS])

    units = []
    n = 0

    def unit(kind, name, district, geometry, class3, class2, class1, access):
        nonlocal n
        n += 1
        units.append(feature(geometry, code=f"SX-SY-{n:03d}", name=name, district=district,
                             kind=kind, class3=class3, class2=class2, class1=class1,
                             access=access))

    for name, district, pts in REDLINES:
        unit("priority", name.replace("生态保护红线（示意）", "优先保护单元（示意）"), district,
             polygon(pts), "forbidden", "forbidden", "forbidden",
             "生态保护红线内严格保护，禁止新建、扩建工业项目（示意）")
    for name, district, lon, lat, _r1, r2, _rq in WATER_SOURCES:
        unit("priority", f"{name}水源保护优先保护单元（示意）", district,
             circle_polygon(lon, lat, r2), "forbidden", "forbidden", "forbidden",
             "饮用水水源保护区所在单元，禁止新建、扩建排放污染物的工业项目（示意）")
    for p in PARKS:
        allowed = "allowed" if p["dyeing"] == "cluster" else "conditional"
        unit("key_industrial", p["name"].split("（")[0] + "产业集聚重点管控单元（示意）",
             p["district"], polygon(p["shape"]), allowed, "allowed", "allowed",
             "产业集聚类重点管控单元：可布局三类工业项目，须符合园区规划及规划环评（示意）"
             if allowed == "allowed" else
             "产业集聚类重点管控单元：三类工业项目须符合单元准入清单及园区规划环评对该行业的要求（示意）")
    for district, name, lon, lat, r in URBAN:
        unit("key_urban", f"{name}城镇生活重点管控单元（示意）", district,
             circle_polygon(lon, lat, r), "forbidden", "conditional", "conditional",
             "城镇生活类重点管控单元：禁止新建、扩建三类工业项目，二类工业项目须符合污染物排放要求（示意）")
    for name, pts in DISTRICTS.items():
        unit("general", f"{name}一般管控单元（示意）", name, polygon(pts),
             "forbidden", "conditional", "allowed",
             "一般管控单元：禁止新建、扩建三类工业项目（现有三类项目改建须削减排放），二类工业项目须进入工业功能区（示意）")
    write("units", "环境管控单元（示意）", units)

    write("redlines", "生态保护红线（示意）", [
        feature(polygon(pts), name=name, district=district, kind="ecological_redline")
        for name, district, pts in REDLINES])

    sources = []
    for name, district, lon, lat, r1, r2, rq in WATER_SOURCES:
        if rq:
            sources.append(feature(circle_polygon(lon, lat, rq), name=f"{name}饮用水水源准保护区",
                                   district=district, source=name, level="quasi"))
        sources.append(feature(circle_polygon(lon, lat, r2), name=f"{name}饮用水水源二级保护区",
                               district=district, source=name, level="second"))
        sources.append(feature(circle_polygon(lon, lat, r1), name=f"{name}饮用水水源一级保护区",
                               district=district, source=name, level="first"))
    write("water_sources", "饮用水水源保护区（示意）", sources)

    write("rivers", "曹娥江流域水环境重点保护区河段（示意）", [
        feature({"type": "LineString", "coordinates": [[a, b] for a, b in r["line"]]},
                name=r["name"], reach=r["reach"], belt_m=r["belt_m"],
                half_width_m=r["half_width_m"], zone="caoejiang_key_zone")
        for r in RIVERS])

    write("receptors", "环境敏感目标（示意）", [
        feature({"type": "Point", "coordinates": [lon, lat]}, name=name, kind=kind)
        for name, kind, lon, lat in RECEPTORS])


if __name__ == "__main__":
    main()
