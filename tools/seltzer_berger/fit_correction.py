#!/usr/bin/env python3
"""Fits the low-energy correction of Tsai's bremsstrahlung cross section (LowEnergyBremsstrahlungCorrection.cs).

Reads the Seltzer-Berger radiative stopping powers in tests/Emiss.Testing/References/seltzer_berger_radiative_stopping.csv
(made by radiative_stopping.py), splits Tsai's radiative stopping power (the engine's bracket, RMP 46, 815, eq. 3.9, with
screening and Coulomb correction) into nuclear (Z^2) and electron (Z) parts, and fits
    A = 1 + a (alpha Z)^r x^p  on the nuclear part,  B = 1/(1 + b x^q)  on the electron part,  x = ln(50 MeV / T),
to Pb and polystyrene (grid search, smallest largest relative residual). Iron is left out and printed as the check.
Usage: python3 tools/seltzer_berger/fit_correction.py   (numpy; about a minute)
"""
import csv
import math

import numpy as np

ALPHA, RE, ME, NA = 1 / 137.035999084, 2.8179403262e-13, 0.51099895, 6.02214076e23
MATERIALS = {"Pb": [(82, 207.2, 1.0)], "Fe": [(26, 55.845, 1.0)], "Sc": [(6, 12.011, 0.92257), (1, 1.008, 0.07743)]}
REFERENCE = "tests/Emiss.Testing/References/seltzer_berger_radiative_stopping.csv"


def coulomb(z):
    a2 = (ALPHA * z) ** 2
    return a2 * (1 / (1 + a2) + 0.20206 - 0.0369 * a2 + 0.0083 * a2 * a2 - 0.002 * a2 ** 3)


def bracket_parts(z, e, k):
    y, common = k / e, 100 * ME * k / (e * (e - k))
    z13, lnz, f = z ** (1 / 3), math.log(z), coulomb(z)
    gs, es = common / z13, common / (z13 * z13)
    phi1 = 16.863 - 2 * math.log(1 + 0.311877 * gs * gs) + 2.4 * math.exp(-0.9 * gs) + 1.6 * math.exp(-1.5 * gs)
    phi12 = 2 / (3 + 19.5 * gs + 18 * gs * gs)
    psi1 = 24.34 - 2 * math.log(1 + 13.111641 * es * es) + 2.8 * math.exp(-8 * es) + 1.2 * math.exp(-29.2 * es)
    psi12 = 2 / (3 + 120 * es + 1200 * es * es)
    poly = 4 / 3 - 4 / 3 * y + y * y
    nuclear = poly * max(0.0, z * z * (phi1 - 4 / 3 * lnz - 4 * f)) + 2 / 3 * (1 - y) * z * z * phi12
    electron = poly * max(0.0, z * (psi1 - 8 / 3 * lnz)) + 2 / 3 * (1 - y) * z * psi12
    return nuclear, electron


def tsai_parts(z, t_mev):
    """Integral of the bracket over 0 < k <= T (MeV) for the two parts."""
    lnk = np.linspace(math.log(t_mev * 1e-6), math.log(t_mev * (1 - 1e-9)), 4000)
    values = np.array([bracket_parts(z, t_mev + ME, math.exp(l)) for l in lnk]) * np.exp(lnk)[:, None]
    return np.trapz(values[:, 0], lnk), np.trapz(values[:, 1], lnk)


def main():
    with open(REFERENCE) as f:
        rows = [r for r in csv.reader(line for line in f if not line.startswith("#"))][1:]
    sb = [(m, float(t), float(s)) for m, t, s in rows]
    parts = {(m, t): [(z, w * NA / a * ALPHA * RE * RE, *tsai_parts(z, t)) for z, a, w in MATERIALS[m]] for m, t, _ in sb}

    def residuals(params, names):
        a, p, b, q, r = params
        out = []
        for m, t, s in sb:
            if m not in names:
                continue
            x = max(0.0, math.log(50.0 / max(t, 1.0)))
            model = sum(c * ((1 + a * (ALPHA * z) ** r * x ** p) * n + e / (1 + b * x ** q)) for z, c, n, e in parts[(m, t)])
            out.append(model / s - 1)
        return out

    best = None
    for a in np.linspace(0.005, 0.3, 60):
        for p in np.linspace(1.0, 3.5, 26):
            for b in np.linspace(0.0, 0.3, 16):
                for q in np.linspace(1.0, 3.0, 9):
                    worst = max(abs(v) for v in residuals((a, p, b, q, 1.5), ("Pb", "Sc")))
                    if best is None or worst < best[0]:
                        best = (worst, (a, p, b, q, 1.5))
    print("fit (a, p, b, q, r):", [round(v, 4) for v in best[1]], "largest residual on Pb, Sc:", round(best[0], 4))
    for m in MATERIALS:
        print(m, [round(v, 4) for v in residuals(best[1], (m,))])


if __name__ == "__main__":
    main()
