#!/usr/bin/python3
"""Generates the per-element low-energy photon tables the shower engine embeds.

Writes src/Emiss.Shower/Data/photon_xs_xraylib.csv (photoabsorption, Rayleigh and bound Compton cross sections per
atom, barn, for Z = 1-92 from 5 keV to 800 keV, with points on both sides of every K, L and M edge above 5 keV) and
src/Emiss.Shower/Data/rayleigh_ff_xraylib.csv (the atomic form factor F(x, Z), x = sin(theta/2)/lambda in 1/Angstrom,
which shapes the Rayleigh angular distribution).

Source: xraylib (Schoonjans et al., Spectrochim. Acta B 66, 776 (2011); B 101, 177 (2015)), as packaged by Debian
(python3-xraylib). Its photoionisation cross sections are Scofield's (1973) subshell values, the Rayleigh and Compton
cross sections and the form factors come from Hubbell et al. (1975) / Hubbell and Overbo (1979).

Run from the repository root with Debian's Python (the package installs into /usr/lib/python3/dist-packages):
    apt-get install -y python3-xraylib
    /usr/bin/python3 tools/xraylib/make_tables.py
The output is deterministic for a given xraylib version; the header records version, date and command.
"""
import datetime
import math
import sys

import xraylib as xrl

Z_MAX = 92
E_MIN_KEV, E_MAX_KEV, PER_DECADE = 5.0, 800.0, 16
EDGE_SHELLS = [xrl.K_SHELL, xrl.L1_SHELL, xrl.L2_SHELL, xrl.L3_SHELL,
               xrl.M1_SHELL, xrl.M2_SHELL, xrl.M3_SHELL, xrl.M4_SHELL, xrl.M5_SHELL]
EDGE_STEP = 1e-6  # relative offset of the points either side of an edge
BARN_PER_CM2 = 1e24
AVOGADRO = 6.02214076e23
# Form-factor grid: x = 0, then log-spaced 1e-3 .. 1e3 per Angstrom (at 800 keV the largest x is 1/lambda = 64.5).
FF_X = [0.0] + [10 ** (-3 + i / 8.0) for i in range(6 * 8 + 1)]


def energies_for(z):
    n = int(round(math.log10(E_MAX_KEV / E_MIN_KEV) * PER_DECADE))
    grid = [E_MIN_KEV * (E_MAX_KEV / E_MIN_KEV) ** (i / n) for i in range(n + 1)]
    for shell in EDGE_SHELLS:
        try:
            edge = xrl.EdgeEnergy(z, shell)
        except ValueError:
            continue
        if E_MIN_KEV < edge < E_MAX_KEV:
            jump = photo_jump(z, edge)
            grid += [jump * (1 - EDGE_STEP), jump * (1 + EDGE_STEP)]
    return sorted(grid)


def photo_jump(z, edge):
    """Where CS_Photo steps up near the tabulated edge energy: xraylib's cross-section tables put the step slightly
    away from EdgeEnergy (for Pb K at 88.006 keV instead of 88.0045), so the step is located by bisection."""
    lo, hi = edge * 0.998, edge * 1.002
    base = xrl.CS_Photo(z, lo)
    if xrl.CS_Photo(z, hi) < 1.05 * base:
        return edge
    for _ in range(60):
        mid = 0.5 * (lo + hi)
        if xrl.CS_Photo(z, mid) > 1.05 * base * (lo / mid) ** -3:
            hi = mid
        else:
            lo = mid
    return 0.5 * (lo + hi)


def main():
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d")
    header = (f"# source: xraylib {xrl.__version__} (Debian python3-xraylib), generated {stamp} by "
              f"'/usr/bin/python3 tools/xraylib/make_tables.py'\n")
    with open("src/Emiss.Shower/Data/photon_xs_xraylib.csv", "w") as f:
        f.write(header)
        f.write("# per-atom cross sections in barn: CS_Photo (photoabsorption), CS_Rayl (coherent), CS_Compt (incoherent, "
                "bound); cm2/g times AtomicWeight/N_A\n")
        f.write("z,e_kev,photo_b,rayleigh_b,compton_b\n")
        for z in range(1, Z_MAX + 1):
            to_barn = xrl.AtomicWeight(z) / AVOGADRO * BARN_PER_CM2
            for e in energies_for(z):
                f.write(f"{z},{e:.7g},{xrl.CS_Photo(z, e) * to_barn:.5g},{xrl.CS_Rayl(z, e) * to_barn:.5g},"
                        f"{xrl.CS_Compt(z, e) * to_barn:.5g}\n")
    with open("src/Emiss.Shower/Data/rayleigh_ff_xraylib.csv", "w") as f:
        f.write(header)
        f.write("# FF_Rayl(Z, x): atomic form factor, electrons; x = sin(theta/2)/lambda in 1/Angstrom\n")
        f.write("z,x_per_angstrom,f\n")
        for z in range(1, Z_MAX + 1):
            for x in FF_X:
                f.write(f"{z},{x:.6g},{xrl.FF_Rayl(z, x):.5g}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
