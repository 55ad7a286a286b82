#!/usr/bin/env python3
"""Derives the exact-tree-level amplitudes of e(p) N(P) -> e(p') N(P') X(k) that EtlAmplitude.cs evaluates, for a scalar,
pseudoscalar and axial-vector X (docs/physics/dark-production-etl.md#spin-0-amplitudes, #axial-vector-amplitude), and checks
them and the vector's Liu-Morrissey-Yu form against explicit Dirac matrices.

The lepton line's two diagrams (X emitted before the photon exchange, propagator p - k; after it, p' + k) are contracted
with the scalar nucleus's current P + P' = 2P - q and summed over spins as a trace, evaluated by the recursion
Tr(a1 ... an) = sum_k (-1)^k (a1.ak) Tr(... without a1, ak ...). At fixed (x, y, t) every invariant is fixed except
p.q = (s + t)/2 and k.q = (s + u)/2, s = (p' + k)^2 - m_l^2, u = (p - k)^2 - m_l^2, so T is a Laurent polynomial in s;
the script prints the coefficients of Phi = T/2 (the normalisation at which the vector's T is twice the Phi of
Liu, Morrissey, Yu, PRD 95, 036010 (2017), which the numerical check confirms) as polynomials in t, with w = 1 - x.

Usage: python3 tools/etl_amplitudes/derive.py     (needs sympy; about a minute)
"""
import cmath
import math
import random
from functools import lru_cache

import sympy as sp

ml, m, M, E, x, t, u, s, w = sp.symbols('ml m M E x t u s w', real=True)
DOTS = {('p', 'p'): ml**2, ('k', 'k'): m**2, ('q', 'q'): -t, ('P', 'P'): M**2,
        ('p', 'k'): (m**2 - u) / 2, ('p', 'q'): (s + t) / 2, ('k', 'q'): (s + u) / 2,
        ('P', 'p'): M * E, ('P', 'k'): M * x * E, ('P', 'q'): -t / 2}


def dot(a, b):
    """Invariant a.b; 'a' is the vector boson's Lorentz index, contracted afterwards."""
    if 'a' in (a, b):
        other = b if a == 'a' else a
        return sp.Symbol('aa') if other == 'a' else sp.Symbol('a_' + other)
    return DOTS.get((a, b), DOTS.get((b, a)))


@lru_cache(maxsize=None)
def trace_of(vectors):
    n = len(vectors)
    if n == 0:
        return sp.Integer(4)
    if n % 2:
        return sp.Integer(0)
    return sp.expand(sum((-1) ** (i + 1) * dot(vectors[0], vectors[i]) * trace_of(vectors[1:i] + vectors[i + 1:])
                         for i in range(1, n)))


def trace(factors):
    """Tr of a product of factors, each {vector or '1': coefficient} (a slashed vector or a multiple of 1)."""
    terms = [(sp.Integer(1), ())]
    for f in factors:
        terms = [(c * v, vs if key == '1' else vs + (key,)) for c, vs in terms for key, v in f.items() if v != 0]
    return sp.expand(sum(c * trace_of(vs) for c, vs in terms if len(vs) % 2 == 0))


def contract(expr):
    """Contract the index pair: a.a -> 4, (a.v)(a.w) -> v.w."""
    names = ['p', 'k', 'q', 'P']
    out = 0
    for term in sp.Add.make_args(sp.expand(expr)):
        idx = [n for n in names for _ in range(sp.degree(term, sp.Symbol('a_' + n)))]
        rest = term.subs({sp.Symbol('aa'): 1, **{sp.Symbol('a_' + n): 1 for n in names}})
        if sp.degree(term, sp.Symbol('aa')) == 1 and not idx:
            out += 4 * rest
        elif len(idx) == 2:
            out += rest * dot(idx[0], idx[1])
        elif not idx:
            out += term
        else:
            raise ValueError(term)
    return sp.expand(out)


def add(*fs):
    r = {}
    for f in fs:
        for k_, v in f.items():
            r[k_] = r.get(k_, 0) + v
    return r


def vec(**kw):
    return {k_: sp.sympify(v) for k_, v in kw.items()}


ONE = lambda c: {'1': sp.sympify(c)}  # noqa: E731
PPRIME = vec(p=1, q=1, k=-1)          # p' = p + q - k
PCAL = vec(P=2, q=-1)                 # P + P'


def squared(vertex, mass2, right_mass):
    """T for vertex factor(s) with gamma5 moved to the right end: O = Pc(p - k + ml)G/u + G(p' + k + mass2)Pc/s."""
    prop_u = add(vec(p=1, k=-1), ONE(ml))
    prop_s = add(PPRIME, vec(k=1), ONE(mass2))
    o = [(1 / u, [PCAL, prop_u] + vertex), (1 / s, vertex + [prop_s, PCAL])]
    obar = [(1 / u, vertex[::-1] + [prop_u, PCAL]), (1 / s, [PCAL, prop_s] + vertex[::-1])]
    left, right = add(PPRIME, ONE(ml)), add(vec(p=1), ONE(right_mass))
    return sp.expand(sum(c1 * c2 * trace([left] + f1 + [right] + f2) for c1, f1 in o for c2, f2 in obar))


def amplitudes():
    scalar = squared([], ml, ml)
    pseudo = squared([], -ml, -ml)     # i gamma5 moved right: m_l -> -m_l in the second diagram and the p projector
    axial = -contract(squared([{'a': sp.Integer(1)}], -ml, -ml)) + squared([vec(k=1)], -ml, -ml) / m**2
    return {'scalar': scalar, 'pseudoscalar': pseudo, 'axial': axial}


def laurent(expr):
    coeffs = {}
    for term in sp.Add.make_args(sp.expand(sp.apart(sp.together(expr / 2), s))):
        num, den = sp.fraction(sp.together(term))
        power = sp.degree(num, s) - sp.degree(den, s)
        coeffs[power] = coeffs.get(power, 0) + sp.simplify(term / s**power)
    return coeffs


# ---- numerical check with explicit Dirac matrices ----
I = 1j
METRIC = [1, -1, -1, -1]


def mat_mul(a, b):
    return [[sum(a[i][k] * b[k][j] for k in range(4)) for j in range(4)] for i in range(4)]


def mat_add(a, b, c=1):
    return [[a[i][j] + c * b[i][j] for j in range(4)] for i in range(4)]


def mat_scale(c, a):
    return [[c * a[i][j] for j in range(4)] for i in range(4)]


IDENTITY = [[1 if i == j else 0 for j in range(4)] for i in range(4)]


def gammas():
    g0 = [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, -1, 0], [0, 0, 0, -1]]
    sig = [[[0, 1], [1, 0]], [[0, -I], [I, 0]], [[1, 0], [0, -1]]]
    out = [g0]
    for sg in sig:
        g = [[0] * 4 for _ in range(4)]
        for a in range(2):
            for b in range(2):
                g[a][2 + b] = sg[a][b]
                g[2 + a][b] = -sg[a][b]
        out.append(g)
    return out


G = gammas()
G5 = mat_scale(I, mat_mul(mat_mul(G[0], G[1]), mat_mul(G[2], G[3])))


def slash(v):
    r = [[0] * 4 for _ in range(4)]
    for mu in range(4):
        r = mat_add(r, mat_scale(METRIC[mu] * v[mu], G[mu]))
    return r


def bar(a):
    dagger = [[complex(a[j][i]).conjugate() for j in range(4)] for i in range(4)]
    return mat_mul(mat_mul(G[0], dagger), G[0])


def mdot(a, b):
    return a[0] * b[0] - a[1] * b[1] - a[2] * b[2] - a[3] * b[3]


def numeric_trace(kind, pv, kv, qv, ppv, big_m, lm, boson_m2):
    pc = [2 * big_m - qv[0], -qv[1], -qv[2], -qv[3]]
    s_ = mdot([a + b for a, b in zip(ppv, kv)], [a + b for a, b in zip(ppv, kv)]) - lm * lm
    u_ = mdot([a - b for a, b in zip(pv, kv)], [a - b for a, b in zip(pv, kv)]) - lm * lm
    left, right = mat_add(slash(ppv), mat_scale(lm, IDENTITY)), mat_add(slash(pv), mat_scale(lm, IDENTITY))
    pu = mat_add(slash([a - b for a, b in zip(pv, kv)]), mat_scale(lm, IDENTITY))
    ps = mat_add(slash([a + b for a, b in zip(ppv, kv)]), mat_scale(lm, IDENTITY))
    if kind == 'vector':
        vertices = [(-METRIC[a], G[a]) for a in range(4)]
    elif kind == 'scalar':
        vertices = [(1, IDENTITY)]
    elif kind == 'pseudoscalar':
        vertices = [(1, mat_scale(I, G5))]
    else:
        vertices = [(-METRIC[a], mat_mul(G[a], G5)) for a in range(4)] + [(1 / boson_m2, mat_mul(slash(kv), G5))]
    total = 0
    for sign, g in vertices:
        o = mat_add(mat_scale(1 / u_, mat_mul(mat_mul(slash(pc), pu), g)), mat_scale(1 / s_, mat_mul(mat_mul(g, ps), slash(pc))))
        tr = mat_mul(mat_mul(mat_mul(left, o), right), bar(o))
        total += sign * sum(tr[i][i] for i in range(4)).real
    return total, s_, u_


def point(e, lm, mb, big_m, xx, y, tt, phi):
    p = math.sqrt(e * e - lm * lm)
    k = math.sqrt((xx * e) ** 2 - mb * mb)
    pv, kv = [e, 0, 0, p], [xx * e, k * math.sqrt(y * (2 - y)), 0, k * (1 - y)]
    vx, vz = -kv[1], p - kv[3]
    vn = math.hypot(vx, vz)
    q0, qm = -tt / (2 * big_m), math.sqrt(tt + tt * tt / (4 * big_m * big_m))
    c = ((e + q0 - xx * e) ** 2 - lm * lm - vn * vn - qm * qm) / (2 * vn * qm)
    if abs(c) >= 1:
        return None
    ev, e1 = [vx / vn, 0, vz / vn], [vz / vn, 0, -vx / vn]
    sq = math.sqrt(1 - c * c)
    qv = [q0] + [qm * (c * ev[i] + sq * (math.cos(phi) * e1[i] + math.sin(phi) * (1 if i == 1 else 0))) for i in range(3)]
    return pv, kv, qv, [pv[i] + qv[i] - kv[i] for i in range(4)]


def phi_vector(e, lm, mb, big_m, xx, tt, u_, s_):
    mu = mb * mb + 2 * lm * lm
    am2 = -8 * big_m * mu * (4 * e * e * big_m - tt * (2 * e + big_m))
    a1 = 8 * big_m * big_m / u_
    am1 = (8 / u_) * (big_m * big_m * (2 * tt * u_ + u_ * u_ + 4 * e * e * (2 * (xx - 1) * mu - tt * (xx * xx - 2 * xx + 2))
                                       + 2 * tt * (tt + 2 * lm * lm - mb * mb))
                      - 2 * e * big_m * tt * ((1 - xx) * u_ + (xx - 2) * (mu + tt)) + tt * tt * (u_ - mb * mb))
    a0 = (8 / u_ ** 2) * (big_m * big_m * (2 * tt * u_ + (tt - 4 * e * e * (xx - 1) ** 2) * mu) + 2 * e * big_m * tt * (u_ - (xx - 1) * mu))
    return a0 + a1 * s_ + am1 / s_ + am2 / s_ ** 2


def main():
    amps = amplitudes()
    for name, expr in amps.items():
        print(f'# {name}: Phi = T/2 = sum_n A_n s^n, coefficients as polynomials in t (x = 1 - w)')
        for power, coeff in sorted(laurent(expr).items()):
            poly = sp.Poly(sp.expand(sp.simplify(coeff).subs(x, 1 - w) * m**2 * u**2), t)
            for (j,), c in sorted(poly.terms()):
                print(f'  A_{power}, t^{j}: {sp.factor(c / (m**2 * u**2))}')
    functions = {n: sp.lambdify((ml, m, M, E, x, t, u, s), e) for n, e in amps.items()}
    random.seed(5)
    checked = 0
    while checked < 12:
        e = random.choice([2.0, 10.0]); lm = random.choice([0.000511, 0.1057]); mb = random.choice([0.0003, 0.02, 0.3])
        big_m = random.choice([0.938, 50.0, 193.0]); xx = random.uniform(0.2, 0.95)
        r = point(e, lm, mb, big_m, xx, 10 ** random.uniform(-5, -1), 10 ** random.uniform(-8, -3), random.uniform(0, 6.28))
        if r is None:
            continue
        checked += 1
        pv, kv, qv, ppv = r
        tt = -mdot(qv, qv)
        for kind in ('vector', 'scalar', 'pseudoscalar', 'axial'):
            tr, s_, u_ = numeric_trace(kind, pv, kv, qv, ppv, big_m, lm, mb * mb)
            ref = 2 * phi_vector(e, lm, mb, big_m, xx, tt, u_, s_) if kind == 'vector' else functions[kind](lm, mb, big_m, e, xx, tt, u_, s_)
            assert abs(tr / ref - 1) < 1e-4, (kind, tr, ref)   # double-precision four-vectors: terms ∝ M²E² cancel
    print('# explicit Dirac traces agree with the vector (2 Phi) and the derived T at 12 random points')


if __name__ == '__main__':
    main()
