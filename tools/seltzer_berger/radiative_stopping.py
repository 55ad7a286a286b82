#!/usr/bin/env python3
"""Radiative stopping powers of electrons from the Seltzer-Berger bremsstrahlung cross sections.

The input is Seltzer's BREMX.DAT (S. M. Seltzer and M. J. Berger, Atomic Data and Nuclear Data Tables 35, 345 (1986);
"BREME.DAT: S. M. SELTZER, NATIONAL BUREAU OF STANDARDS, 5 SEP 84"), the table behind ESTAR's radiative stopping powers
(ICRU Report 37). EGSnrc distributes it as HEN_HOUSE/data/nist_brems.data (github.com/nrc-cnrc/EGSnrc). The file holds
57 electron kinetic energies T (MeV), 30 reduced photon energies kappa = k/T, then for Z = 1..100 the scaled cross
section chi(Z, T, kappa) = (beta^2/Z^2) k dsigma/dk in mb, kappa-major (57 values of T for each kappa).

    S_rad/rho = (N_A/A) (Z^2/beta^2) T * integral_0^1 chi dkappa      (MeV cm2/g; 1 mb = 1e-27 cm2)

Usage:  python3 tools/seltzer_berger/radiative_stopping.py path/to/nist_brems.data Z:A[:w] ... > table.csv
A compound is given by several Z:A:w terms (mass fractions w); the output has one row per energy, T = 1-50 MeV.
"""
import math
import sys

ME = 0.51099895          # MeV
NA = 6.02214076e23
MB = 1e-27               # cm2
ENERGIES_MEV = [1.0, 2.0, 5.0, 10.0, 20.0, 50.0]


def read_table(path):
    with open(path) as f:
        f.readline()
        n_t, n_k = (int(x) for x in f.readline().split())
        numbers = []
        for line in f:
            if line.strip() == "BREMX.DAT":
                break
            numbers += [float(x) for x in line.split()]
        t, kappa = numbers[:n_t], numbers[n_t:n_t + n_k]
        chi = [float(x) for x in f.read().split()]
    per_z = n_t * n_k
    return t, kappa, {z: chi[(z - 1) * per_z: z * per_z] for z in range(1, len(chi) // per_z + 1)}


def kappa_integral(block, t_index, n_t, kappa):
    values = [block[j * n_t + t_index] for j in range(len(kappa))]
    return sum(0.5 * (values[j] + values[j + 1]) * (kappa[j + 1] - kappa[j]) for j in range(len(kappa) - 1))


def radiative_stopping(t, kappa, blocks, terms, t_mev):
    i = t.index(t_mev)
    beta2 = t_mev * (t_mev + 2 * ME) / (t_mev + ME) ** 2
    return sum(w * NA / a * z * z / beta2 * t_mev * kappa_integral(blocks[z], i, len(t), kappa) * MB for z, a, w in terms)


def main(argv):
    t, kappa, blocks = read_table(argv[1])
    terms = []
    for spec in argv[2:]:
        parts = spec.split(":")
        terms.append((int(parts[0]), float(parts[1]), float(parts[2]) if len(parts) > 2 else 1.0))
    print("t_mev,s_rad_mev_cm2_per_g")
    for e in ENERGIES_MEV:
        print(f"{e:g},{radiative_stopping(t, kappa, blocks, terms, e):.5g}")


if __name__ == "__main__":
    main(sys.argv)
