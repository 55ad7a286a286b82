using Emiss.Core.Constants;
using Emiss.Core.Random;

namespace Emiss.Physics.Photonuclear;

/// <summary>
/// Hadronic final state of γA → hadrons for photon energies ≈ 5–100 GeV (docs/physics/photonuclear.md#final-state-generator):
/// the photon interacts with one nucleon (a proton with probability Z/A) at rest. Charged mesons come in
/// charge-conserving pairs (π⁺π⁻, or K⁺K⁻ with the published K/π ratio); their number follows the pp charged
/// multiplicity ⟨n_ch⟩(s) with Wróblewski's dispersion (Gamma law, stochastic rounding); π⁰ and K⁰ numbers are Poisson
/// with means fixed by isospin (½ n_π±, n_K±). One meson is the leading particle, with a flat spectrum of its share z
/// of the mesons' kinetic energy (the leading effect: Basile et al., Nuovo Cim. A 66 (1981) 129); the other mesons
/// share the rest by uniform spacings. The struck nucleon recoils softly and absorbs the transverse-momentum balance.
/// Energy is conserved exactly (Σ E = k + m_N); Σ p_T = 0 except when a soft nucleon cannot absorb it (then the
/// nucleus does); Σ p_z is not constrained (≈ 0.9–1.0 k). π⁰ → γγ and K⁰_S → ππ are decayed at the vertex.
/// Not modelled: antibaryons, η and heavier resonances' own decays, intranuclear cascade and evaporation nucleons
/// (their energy, ≲ 1 GeV, counts as the recoil).
/// </summary>
public sealed class PhotonuclearFinalState
{
    private const int MaxAttempts = 1000;
    private readonly List<FinalStateParticle> _primaries = new(64);

    /// <summary>Index of the leading meson in the last <see cref="GeneratePrimaries(double, double, int, FinalStateBias?, ref EventRng, List{FinalStateParticle})"/> list.</summary>
    public int LastLeadingIndex { get; private set; }

    /// <summary>Share z of the mesons' kinetic energy given to the leading meson in the last event.</summary>
    public double LastLeadingShare { get; private set; }

    /// <summary>Generates the final state of a photon of <paramref name="kGeV"/> on nucleus (A, Z) into
    /// <paramref name="into"/> (cleared first), with π⁰ and K⁰_S decayed.</summary>
    public void Generate(double kGeV, double a, int z, ref EventRng rng, List<FinalStateParticle> into) =>
        Generate(kGeV, a, z, null, ref rng, into);

    /// <summary>As <see cref="Generate(double, double, int, ref EventRng, List{FinalStateParticle})"/>, with the composition
    /// importance-sampled by <paramref name="bias"/> (none when null). Returns the final state's weight: true density /
    /// sampling density of the biased choices (1 without bias).</summary>
    public double Generate(double kGeV, double a, int z, FinalStateBias? bias, ref EventRng rng, List<FinalStateParticle> into) =>
        Generate(kGeV, a, z, bias, 0, ref rng, into);

    /// <summary>As <see cref="Generate(double, double, int, FinalStateBias?, ref EventRng, List{FinalStateParticle})"/> with
    /// one more meson, <paramref name="extraMesonPdg"/> (0: none), in every final state: the charge and strangeness a
    /// hadron projectile leaves once its leading neutral kaon is taken out (K⁻ after a π⁻, π⁻ after a K⁻,
    /// docs/physics/hadron-response.md#leading-neutral-kaon). It shares the energy like the produced mesons, and a charged
    /// one replaces one unit of the charged multiplicity's pairs.</summary>
    public double Generate(double kGeV, double a, int z, FinalStateBias? bias, int extraMesonPdg, ref EventRng rng, List<FinalStateParticle> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        double weight = GeneratePrimaries(kGeV, a, z, bias, extraMesonPdg, ref rng, _primaries);
        into.Clear();
        foreach (FinalStateParticle p in _primaries) Decay(p, ref rng, into);
        return weight;
    }

    /// <summary>The primary hadrons (π⁰ as 111, K⁰_S as 310, undecayed) into <paramref name="into"/>; the last
    /// entry is the recoil nucleon.</summary>
    public void GeneratePrimaries(double kGeV, double a, int z, ref EventRng rng, List<FinalStateParticle> into) =>
        GeneratePrimaries(kGeV, a, z, null, ref rng, into);

    /// <summary>As <see cref="GeneratePrimaries(double, double, int, ref EventRng, List{FinalStateParticle})"/>, biased by
    /// <paramref name="bias"/> when it is not null; returns the weight of the final state (1 without bias).</summary>
    public double GeneratePrimaries(double kGeV, double a, int z, FinalStateBias? bias, ref EventRng rng, List<FinalStateParticle> into) =>
        GeneratePrimaries(kGeV, a, z, bias, 0, ref rng, into);

    private double GeneratePrimaries(double kGeV, double a, int z, FinalStateBias? bias, int extraMesonPdg, ref EventRng rng, List<FinalStateParticle> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        bias?.Validated();
        bool extraCharged = extraMesonPdg is 211 or -211 or 321 or -321;
        if (extraMesonPdg != 0 && !extraCharged && extraMesonPdg is not (111 or 130 or 310))
            throw new ArgumentOutOfRangeException(nameof(extraMesonPdg), extraMesonPdg, "the extra meson is a π, K or 0 for none");
        if (!(kGeV >= 2) || double.IsInfinity(kGeV)) throw new ArgumentOutOfRangeException(nameof(kGeV), kGeV, "photon energy must be ≥ 2 GeV");
        if (!(a >= 1) || z < 0 || z > a) throw new ArgumentOutOfRangeException(nameof(a), $"nucleus A = {a}, Z = {z}");
        bool proton = rng.NextDouble() < z / a;
        double mN = proton ? PhysicalConstants.ProtonMassGeV : PhysicalConstants.NeutronMassGeV;
        double s = mN * mN + 2 * mN * kGeV;
        double nch = HadronProductionSystematics.MeanChargedMultiplicity(s);
        double d = HadronProductionSystematics.ChargedDispersion(nch);
        // Pairs m: ⟨2m⟩ = ⟨n_ch⟩ − [charged recoil], Var(2m) = D²; stochastic rounding adds ≈ 1/6 to Var(m).
        double meanPairs = Math.Max(0.05, 0.5 * (nch - (proton ? 1 : 0) - (extraCharged ? 1 : 0)));
        double varPairs = Math.Max(0.05, 0.25 * d * d - 1.0 / 6);
        double rKaonPair = HadronProductionSystematics.ChargedKaonToPion / (1 + HadronProductionSystematics.ChargedKaonToPion);
        double mesonBudget = kGeV;
        Span<int> codes = stackalloc int[256];
        for (int attempt = 0; attempt < MaxAttempts; attempt++)
        {
            into.Clear();
            double weight = 1; // of this attempt's biased choices only: a rejected attempt's choices are redrawn
            double x = RandomVariates.Gamma(meanPairs * meanPairs / varPairs, ref rng) * varPairs / meanPairs;
            int pairs = (int)Math.Floor(x + rng.NextDouble());
            int n = 0, chargedPions = 0, chargedKaons = 0;
            if (extraMesonPdg != 0) codes[n++] = extraMesonPdg;
            for (int i = 0; i < pairs && n + 2 <= 120; i++)
            {
                bool kaon = rng.NextDouble() < rKaonPair;
                codes[n++] = kaon ? 321 : 211;
                codes[n++] = kaon ? -321 : -211;
                if (kaon) chargedKaons += 2; else chargedPions += 2;
            }
            int pi0 = rng.NextPoisson(HadronProductionSystematics.NeutralToChargedPion * chargedPions);
            int k0 = rng.NextPoisson(HadronProductionSystematics.NeutralToChargedKaon * chargedKaons);
            for (int i = 0; i < pi0 && n < 250; i++) codes[n++] = 111;
            for (int i = 0; i < k0 && n < 250; i++)
            {
                if (bias is null)
                {
                    codes[n++] = rng.NextDouble() < 0.5 ? 130 : 310;
                    continue;
                }
                // K⁰ = ½ K⁰_L + ½ K⁰_S. Both have the kaon mass, so the acceptance below does not depend on this choice.
                bool kl = rng.NextDouble() < bias.LongKaonFraction;
                codes[n++] = kl ? 130 : 310;
                weight *= 0.5 / (kl ? bias.LongKaonFraction : 1 - bias.LongKaonFraction);
            }
            if (n == 0) continue; // the photon must turn into at least one meson above threshold
            double recoilT = HadronProductionSystematics.RecoilNucleonMeanKineticGeV * rng.NextExponential();
            double masses = 0;
            for (int i = 0; i < n; i++) masses += MassOf(codes[i]);
            double kinetic = mesonBudget - recoilT - masses;
            if (kinetic <= 0) continue; // too many mesons or too hard a recoil for this k: redraw
            return weight * Fill(codes[..n], kinetic, mN, proton, recoilT, bias, ref rng, into);
        }
        throw new InvalidOperationException($"no kinematically allowed final state found for k = {kGeV} GeV in {MaxAttempts} attempts");
    }

    /// <summary>Shares the kinetic energy among the mesons and adds them with the recoil; returns the weight of the
    /// biased leading-meson and leading-share choices (1 without bias).</summary>
    private double Fill(ReadOnlySpan<int> codes, double kinetic, double mN, bool proton, double recoilT, FinalStateBias? bias, ref EventRng rng, List<FinalStateParticle> into)
    {
        int n = codes.Length;
        double weight = 1;
        int lead;
        double zLead;
        if (bias is null)
        {
            lead = (int)(rng.NextDouble() * n);
            zLead = rng.NextDouble();
        }
        else
            weight = BiasedLead(codes, bias, ref rng, out lead, out zLead);
        // Uniform spacings of the remaining share: normalised exponentials.
        Span<double> share = stackalloc double[n];
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            if (i == lead) continue;
            share[i] = rng.NextExponential();
            sum += share[i];
        }
        for (int i = 0; i < n; i++) share[i] = i == lead ? zLead : (1 - zLead) * share[i] / sum;
        if (n == 1) share[0] = 1;
        // p_T: dN/dp_T ∝ p_T e^(−2p_T/⟨p_T⟩) truncated at 0.95|p| (redrawn), then balanced by subtracting the mean
        // vector from every meson (re-capped at 0.95|p|); the recoil takes what the caps leave.
        Span<double> pTot = stackalloc double[n], ptx = stackalloc double[n], pty = stackalloc double[n];
        double meanX = 0, meanY = 0;
        for (int i = 0; i < n; i++)
        {
            double m = MassOf(codes[i]);
            double e = m + kinetic * share[i];
            pTot[i] = Math.Sqrt(Math.Max(0, e * e - m * m));
            double meanPt = codes[i] is 211 or -211 or 111 ? HadronProductionSystematics.PionMeanPt : HadronProductionSystematics.HeavyMeanPt;
            double pt = 0.5 * meanPt * RandomVariates.Gamma(2, ref rng);
            for (int t = 0; t < 20 && pt > 0.95 * pTot[i]; t++) pt = 0.5 * meanPt * RandomVariates.Gamma(2, ref rng);
            pt = Math.Min(pt, 0.95 * pTot[i]);
            (double sp, double cp) = Math.SinCos(2 * Math.PI * rng.NextDouble());
            ptx[i] = pt * cp;
            pty[i] = pt * sp;
            meanX += ptx[i] / n;
            meanY += pty[i] / n;
        }
        double sumPx = 0, sumPy = 0;
        for (int i = 0; i < n; i++)
        {
            double px = ptx[i] - meanX, py = pty[i] - meanY, pt = Math.Sqrt(px * px + py * py);
            if (pt > 0.95 * pTot[i])
            {
                px *= 0.95 * pTot[i] / pt;
                py *= 0.95 * pTot[i] / pt;
                pt = 0.95 * pTot[i];
            }
            sumPx += px;
            sumPy += py;
            double m = MassOf(codes[i]);
            into.Add(new FinalStateParticle(codes[i], m + kinetic * share[i], px, py, Math.Sqrt(Math.Max(0, pTot[i] * pTot[i] - pt * pt))));
        }
        // Recoil nucleon: takes −Σ p_T (the nucleus the rest when it is too soft) and its kinetic energy.
        double eN = mN + recoilT;
        double pN = Math.Sqrt(Math.Max(0, eN * eN - mN * mN));
        double ptN = Math.Sqrt(sumPx * sumPx + sumPy * sumPy);
        double scale = ptN > pN ? pN / ptN : 1;
        double pxN = -sumPx * scale, pyN = -sumPy * scale;
        double pzN = Math.Sqrt(Math.Max(0, pN * pN - pxN * pxN - pyN * pyN));
        LastLeadingIndex = lead;
        LastLeadingShare = n == 1 ? 1 : zLead;
        into.Add(new FinalStateParticle(proton ? 2212 : 2112, eN, pxN, pyN, pzN));
        return weight;
    }

    /// <summary>The leading meson and its share z drawn from <paramref name="bias"/>'s mixtures; returns
    /// p/q = (1/n)/q(lead) × 1/q(z), with q(lead) = (1 − a)/n + a/n_L for each of the n_L K⁰_L (a/n_L's term absent for
    /// other mesons) and q(z) = 1 − h + h β z^(β−1) (docs/physics/hadron-biasing.md#final-state-composition).</summary>
    private static double BiasedLead(ReadOnlySpan<int> codes, FinalStateBias bias, ref EventRng rng, out int lead, out double zLead)
    {
        int n = codes.Length, longKaons = 0;
        foreach (int c in codes) if (c == 130) longKaons++;
        double a = longKaons > 0 ? bias.LeadingLongKaonProbability : 0;
        if (rng.NextDouble() < a)
        {
            int j = Math.Min((int)(rng.NextDouble() * longKaons), longKaons - 1);
            lead = 0;
            for (int i = 0; i < n; i++)
                if (codes[i] == 130 && j-- == 0) { lead = i; break; }
        }
        else
            lead = Math.Min((int)(rng.NextDouble() * n), n - 1);
        double qLead = (1 - a) / n + (codes[lead] == 130 ? a / longKaons : 0);
        double weight = 1.0 / n / qLead;
        zLead = bias.SampleShare(ref rng);
        // A lone meson takes everything whatever z is: its share carries no weight.
        if (n > 1) weight /= bias.ShareDensity(zLead);
        return weight;
    }

    /// <summary>Appends <paramref name="p"/>, or its decay products for π⁰ (γγ) and K⁰_S (π⁺π⁻ 69.2 %, π⁰π⁰ → 4γ).</summary>
    public static void Decay(in FinalStateParticle p, ref EventRng rng, List<FinalStateParticle> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        switch (p.Pdg)
        {
            case 111:
                (FinalStateParticle g1, FinalStateParticle g2) = TwoBodyDecay.Isotropic(p, 22, 0, 22, 0, ref rng);
                into.Add(g1);
                into.Add(g2);
                break;
            case 310:
                double mpi = PhysicalConstants.ChargedPionMassGeV, mpi0 = PhysicalConstants.NeutralPionMassGeV;
                (FinalStateParticle a, FinalStateParticle b) = rng.NextDouble() < HadronProductionSystematics.KShortToChargedPions
                    ? TwoBodyDecay.Isotropic(p, 211, mpi, -211, mpi, ref rng)
                    : TwoBodyDecay.Isotropic(p, 111, mpi0, 111, mpi0, ref rng);
                Decay(a, ref rng, into);
                Decay(b, ref rng, into);
                break;
            default:
                into.Add(p);
                break;
        }
    }

    /// <summary>Rest mass of the meson codes used here, GeV.</summary>
    public static double MassOf(int pdg) => pdg switch
    {
        211 or -211 => PhysicalConstants.ChargedPionMassGeV,
        111 => PhysicalConstants.NeutralPionMassGeV,
        321 or -321 => PhysicalConstants.ChargedKaonMassGeV,
        130 or 310 => PhysicalConstants.NeutralKaonMassGeV,
        2212 => PhysicalConstants.ProtonMassGeV,
        2112 => PhysicalConstants.NeutronMassGeV,
        22 => 0,
        _ => throw new ArgumentOutOfRangeException(nameof(pdg), pdg, "not a final-state code of this generator"),
    };
}
