"""Re-derives the per-city, per-year series in this folder from ../shared/data/real (run from the repo root:
python3 src/Modules/Index/Demo/Data/derive.py /work/shared/data/real). Deterministic; stdlib only."""
import csv, os, sys

real = sys.argv[1]
here = os.path.dirname(os.path.abspath(__file__))
cities = [r['city'] for r in csv.DictReader(open(os.path.join(here, 'guangdong_city_filing_counts.csv'), encoding='utf-8'))]
rows = list(csv.DictReader(open(os.path.join(real, 'cac-algorithm-filings/filings_guangdong.csv'), encoding='utf-8')))
with open(os.path.join(here, 'algorithm_filings_by_city_year.csv'), 'w', encoding='utf-8', newline='') as f:
    w = csv.writer(f, lineterminator='\n')
    w.writerow(['city', 'year', 'filings_cumulative', 'distinct_entities_cumulative'])
    for y in range(2022, 2026):
        for c in cities:
            sel = [r for r in rows if r['gd_city'] == c and int(r['batch'][:4]) <= y]
            w.writerow([c, y, len(sel), len(set(r['entity'] for r in sel))])
genai = list(csv.DictReader(open(os.path.join(real, 'cac-genai-filings-guangdong/genai_filings_guangdong.csv'), encoding='utf-8')))
with open(os.path.join(here, 'genai_filings_by_city_year.csv'), 'w', encoding='utf-8', newline='') as f:
    w = csv.writer(f, lineterminator='\n')
    w.writerow(['city', 'year', 'services_cumulative'])
    for y in range(2024, 2027):
        for c in cities:
            w.writerow([c, y, sum(1 for r in genai if r['city'] == c and int(r['notice_batch'][:4]) <= y)])
