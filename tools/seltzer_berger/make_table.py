#!/usr/bin/env python3
"""Writes src/Emiss.Shower/Data/seltzer_berger_brems.csv, the engine's bremsstrahlung spectra below 50 MeV.

The input is Seltzer's BREMX.DAT (S. M. Seltzer and M. J. Berger, Atomic Data and Nuclear Data Tables 35, 345 (1986);
"BREME.DAT: S. M. SELTZER, NATIONAL BUREAU OF STANDARDS, 5 SEP 84"), distributed with EGSnrc as
HEN_HOUSE/data/nist_brems.data (github.com/nrc-cnrc/EGSnrc): 57 electron kinetic energies T (MeV), 30 reduced photon
energies kappa = k/T, then for Z = 1..100 the scaled cross section chi(Z, T, kappa) = (beta^2/Z^2) k dsigma/dk in mb,
kappa-major (57 values of T for each kappa). The output keeps the values as printed, one row per (Z, T) with the 30
kappa columns, for the elements of the material catalogue (MaterialCatalog.cs) and gold (the Hanson foil tests).

Usage:
  python3 tools/seltzer_berger/make_table.py nist_brems.data > src/Emiss.Shower/Data/seltzer_berger_brems.csv
  python3 tools/seltzer_berger/make_table.py --blocks DIR > ...   (DIR/z<Z>.txt: the 285 lines of element Z's block,
                                                                     copied from the file at 1149 + 15675 (Z - 1) chars)
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from radiative_stopping import read_table  # noqa: E402

ELEMENTS = [1, 6, 7, 8, 13, 18, 26, 29, 32, 74, 79, 82, 83]

# The file's grids (its header), used with --blocks; checked against the header when the whole file is read.
T_MEV = [0.001, 0.0015, 0.002, 0.003, 0.004, 0.005, 0.006, 0.008, 0.01, 0.015, 0.02, 0.03, 0.04, 0.05, 0.06, 0.08,
         0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1.0, 1.5, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 15.0, 20.0, 30.0, 40.0,
         50.0, 60.0, 80.0, 100.0, 150.0, 200.0, 300.0, 400.0, 500.0, 600.0, 800.0, 1000.0, 1500.0, 2000.0, 3000.0,
         4000.0, 5000.0, 6000.0, 8000.0, 10000.0]
KAPPA = [0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9,
         0.925, 0.95, 0.97, 0.99, 0.995, 0.999, 0.9995, 0.9999, 0.99995, 0.99999, 1.0]


def read_blocks(directory):
    blocks = {}
    for z in ELEMENTS:
        with open(os.path.join(directory, f"z{z}.txt")) as f:
            text = f.read().split()
        if len(text) != len(T_MEV) * len(KAPPA):
            sys.exit(f"z{z}.txt: {len(text)} values, expected {len(T_MEV) * len(KAPPA)}")
        blocks[z] = text
    return blocks


def read_file(path):
    t, kappa, chi = read_table(path)
    if t != T_MEV or kappa != KAPPA:
        sys.exit(f"{path}: the energy or kappa grid differs from the one this script knows")
    with open(path) as f:
        lines = f.read().split("BREMX.DAT", 1)[1].split()
    per_z = len(T_MEV) * len(KAPPA)
    return {z: lines[(z - 1) * per_z: z * per_z] for z in ELEMENTS}


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--blocks":
        blocks, how = read_blocks(sys.argv[2]), "the Z blocks of the file (each copied twice, independently, and compared)"
    elif len(sys.argv) == 2:
        blocks, how = read_file(sys.argv[1]), "the file"
    else:
        sys.exit(__doc__)
    print("# source: S. M. Seltzer and M. J. Berger, Atomic Data and Nuclear Data Tables 35, 345 (1986): scaled "
          "bremsstrahlung cross sections chi(Z, T, kappa) = (beta^2/Z^2) k dsigma/dk in mb per atom (BREMX.DAT, "
          "\"S. M. SELTZER, NATIONAL BUREAU OF STANDARDS, 5 SEP 84\"), as distributed with EGSnrc in "
          "HEN_HOUSE/data/nist_brems.data (github.com/nrc-cnrc/EGSnrc, commit cfd08f097a61afcf65878710e2e7f63c7f9fd568); "
          f"written by tools/seltzer_berger/make_table.py from {how}. Values unchanged.")
    print("# Columns: atomic number Z; electron kinetic energy T (MeV); chi (mb) at the 30 reduced photon energies "
          "kappa = k/T named in the header.")
    print(",".join(["z", "t_mev"] + [f"kappa_{k:g}" for k in KAPPA]))
    n_t = len(T_MEV)
    for z in ELEMENTS:
        block = blocks[z]
        for i, t in enumerate(T_MEV):
            print(",".join([str(z), f"{t:g}"] + [block[j * n_t + i] for j in range(len(KAPPA))]))


if __name__ == "__main__":
    main()
