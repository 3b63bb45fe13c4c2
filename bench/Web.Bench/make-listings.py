#!/usr/bin/env python3
"""Writes N listings in Funeng's import format, recombined (fixed seed) from the national CAC algorithm filings:
real algorithm names, purposes and companies, so search and pages see text of the real kind. Usage:
make-listings.py FILINGS_CSV N OUT_CSV"""
import csv, random, sys

filings, count, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
rows = list(csv.DictReader(open(filings, encoding="utf-8")))
names = [r["algorithm_name"] for r in rows if r["algorithm_name"]]
purposes = [r["purpose"] for r in rows if r["purpose"]]
companies = [r["entity"] for r in rows if r["entity"]]
cities = ["guangzhou", "shenzhen", "zhuhai", "foshan", "dongguan", "zhongshan", "huizhou", "jiangmen", "shantou", "zhaoqing"]
sectors = ["manufacturing", "elder_care", "education", "medical", "transport", "energy", "finance", "government", "culture_tourism", "agriculture"]
rng = random.Random(20261203)
columns = ["type", "source", "source_id", "owner_name_zh", "owner_name_en", "owner_credit_code", "owner_city", "title_zh", "title_en",
           "summary_zh", "summary_en", "city", "sectors", "keywords", "deployment"]
with open(out, "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f)
    w.writerow(columns)
    for i in range(count):
        city = rng.choice(cities)
        w.writerow(["algorithm_product", "bench", f"bench-{i}", rng.choice(companies), "", "", city,
                    f"{rng.choice(names)}{i % 97}", "", rng.choice(purposes), "", city, rng.choice(sectors), "", "cloud"])
