#!/usr/bin/env python3
"""Writes a synthetic regency as the four CSV files of `kinerja import` (units, jabatan, employees,
assignments) into a folder: a Sekretaris Daerah over PERANGKAT perangkat daerah, each with a JPT
head, 4 bidang (Administrator), 4 seksi per bidang (Pengawas) and STAFF staff per seksi (half
Pelaksana, half Fungsional), so every Pengawas evaluates 30 people. The defaults give 15,031
employees. Deterministic (seeded), valid 18-digit NIPs, an e-mail address for everyone; about 1% on
study assignment (tugas belajar, exempt) and 10% PPPK. Prints the employee count."""
import csv, os, random, sys

out = sys.argv[1]
perangkat = int(os.environ.get("PERANGKAT", "30"))
staff = int(os.environ.get("STAFF", "30"))
random.seed(2026)
os.makedirs(out, exist_ok=True)
used = set()

def nip(kind):
    while True:
        year = random.randint(1968, 1998)
        birth = f"{year}{random.randint(1, 12):02d}{random.randint(1, 28):02d}"
        start = f"{min(2025, year + random.randint(22, 30))}{random.randint(1, 12):02d}"
        if kind == "PPPK":
            start = f"{random.randint(2019, 2025)}21"
        value = f"{birth}{start}{random.randint(1, 2)}{random.randint(1, 999):03d}"
        if value not in used:
            used.add(value)
            return value

def writer(name, header):
    f = open(os.path.join(out, name + ".csv"), "w", newline="", encoding="utf-8")
    w = csv.writer(f, lineterminator="\r\n")
    w.writerow(header)
    return f, w

(uf, units) = writer("units", ["kode_perangkat_daerah", "nama_perangkat_daerah", "kode_unit", "nama_unit", "kode_unit_induk"])
(jf, posts) = writer("jabatan", ["kode_jabatan", "nama_jabatan", "jenis", "jenjang", "kode_unit", "kode_jabatan_atasan"])
(ef, people) = writer("employees", ["nip", "nama", "jenis_pegawai", "status", "email"])
(af, places) = writer("assignments", ["nip", "kode_jabatan", "jenis_penempatan", "mulai"])
count = 0

def person(post, prefix):
    global count
    count += 1
    kind = "PPPK" if count % 10 == 0 else "PNS"
    status = "tugas-belajar" if count % 100 == 7 else "aktif"
    number = nip(kind)
    people.writerow([number, f"{prefix} {count:05d}", kind, status, f"pegawai{count:05d}@season.kinerja.test"])
    places.writerow([number, post, "definitif", "2024-01-02"])

units.writerow(["SETDA", "Sekretariat Daerah", "SETDA-U", "Sekretariat Daerah", ""])
posts.writerow(["SEKDA", "Sekretaris Daerah", "jpt", "", "SETDA-U", ""])
person("SEKDA", "Sekretaris Daerah")
for p in range(1, perangkat + 1):
    pd = f"PD{p:02d}"
    units.writerow([pd, f"Dinas Sintetis {p:02d}", f"{pd}-U", f"Dinas Sintetis {p:02d}", ""])
    posts.writerow([f"{pd}-KEPALA", f"Kepala Dinas Sintetis {p:02d}", "jpt", "", f"{pd}-U", "SEKDA"])
    person(f"{pd}-KEPALA", "Kepala Dinas")
    for b in range(1, 5):
        bidang = f"{pd}-B{b}"
        units.writerow([pd, f"Dinas Sintetis {p:02d}", bidang, f"Bidang {b}", f"{pd}-U"])
        posts.writerow([f"{bidang}-KABID", f"Kepala Bidang {b}", "administrator", "", bidang, f"{pd}-KEPALA"])
        person(f"{bidang}-KABID", "Kepala Bidang")
        for s in range(1, 5):
            seksi = f"{bidang}-S{s}"
            units.writerow([pd, f"Dinas Sintetis {p:02d}", seksi, f"Seksi {b}.{s}", bidang])
            posts.writerow([f"{seksi}-KASI", f"Kepala Seksi {b}.{s}", "pengawas", "", seksi, f"{bidang}-KABID"])
            person(f"{seksi}-KASI", "Kepala Seksi")
            posts.writerow([f"{seksi}-PLK", "Pengolah Data", "pelaksana", "", seksi, f"{seksi}-KASI"])
            posts.writerow([f"{seksi}-FNG", "Analis Kebijakan Ahli Pertama", "fungsional", "ahli-pertama", seksi, f"{seksi}-KASI"])
            for i in range(staff):
                person(f"{seksi}-PLK" if i % 2 == 0 else f"{seksi}-FNG", "Staf")
for f in (uf, jf, ef, af):
    f.close()
print(count)
