#!/usr/bin/env python3
"""Writes N listings in Funeng's import format, recombined (fixed seed) from the national CAC algorithm filings:
real algorithm names, purposes and companies, so search and pages see text of the real kind. The rows are split
into files of at most PER_FILE rows, each under the importer's upload limit (20 MB). Usage:
make-listings.py FILINGS_CSV N OUT_DIR   (writes OUT_DIR/listings-000.csv, listings-001.csv, ...)"""
import csv, os, random, sys

filings, count, out_dir = sys.argv[1], int(sys.argv[2]), sys.argv[3]
PER_FILE = 25_000
rows = list(csv.DictReader(open(filings, encoding="utf-8")))
names = [r["algorithm_name"] for r in rows if r["algorithm_name"]]
purposes = [r["purpose"] for r in rows if r["purpose"]]
companies = [r["entity"] for r in rows if r["entity"]]
cities = ["guangzhou", "shenzhen", "zhuhai", "foshan", "dongguan", "zhongshan", "huizhou", "jiangmen", "shantou", "zhaoqing"]
sectors = ["manufacturing", "elder_care", "education", "medical", "transport", "energy", "finance", "government", "tourism", "agriculture"]
rng = random.Random(20261203)
columns = ["type", "source", "source_id", "owner_name_zh", "owner_name_en", "owner_credit_code", "owner_city", "title_zh", "title_en",
           "summary_zh", "summary_en", "city", "sectors", "keywords", "deployment"]
for start in range(0, count, PER_FILE):
    with open(os.path.join(out_dir, f"listings-{start // PER_FILE:03d}.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(columns)
        for i in range(start, min(count, start + PER_FILE)):
            city = rng.choice(cities)
            w.writerow(["algorithm_product", "bench", f"bench-{i}", rng.choice(companies), "", "", city,
                        f"{rng.choice(names)}{i % 97}", "", rng.choice(purposes), "", city, rng.choice(sectors), "", "cloud"])
