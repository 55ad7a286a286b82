using System.Collections.Immutable;

namespace Emiss.Physics.Decays;

/// <summary>
/// One decay mode of a parent: branching ratio, daughters (PDG codes, in the order the density's variables use)
/// and the rest-frame kinematics. Daughter order: K_ℓ3 [π, ℓ, ν]; Michel [e, ν̄_e, ν_μ]; two-body [a, b].
/// A π⁰ among the daughters is decayed to γγ by <see cref="DecaySampler"/> (cτ = 25 nm).
/// </summary>
public sealed class DecayChannel
{
    private readonly Kl3Density? _kl3;

    /// <summary>Creates a channel; for <see cref="DecayKinematics.Kl3"/> the form-factor slopes are used.</summary>
    public DecayChannel(string name, int parentPdg, double branchingRatio, DecayKinematics kinematics, ImmutableArray<int> daughters,
        double lambdaPlus = 0, double lambdaZero = 0)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!(branchingRatio > 0 && branchingRatio <= 1)) throw new ArgumentOutOfRangeException(nameof(branchingRatio), branchingRatio, "must be in (0, 1]");
        int expected = kinematics == DecayKinematics.TwoBody ? 2 : 3;
        if (daughters.Length != expected) throw new ArgumentException($"{kinematics} needs {expected} daughters, got {daughters.Length}", nameof(daughters));
        Name = name;
        ParentPdg = parentPdg;
        BranchingRatio = branchingRatio;
        Kinematics = kinematics;
        Daughters = daughters;
        ParentMassGeV = DecayParticles.MassGeV(parentPdg);
        DaughterMassesGeV = [.. daughters.Select(DecayParticles.MassGeV)];
        if (DaughterMassesGeV.Sum() >= ParentMassGeV) throw new ArgumentException($"{name}: daughters heavier than the parent");
        LambdaPlus = lambdaPlus;
        LambdaZero = lambdaZero;
        NeutrinoCount = daughters.Count(DecayParticles.IsNeutrino);
        HasElectron = daughters.Any(d => Math.Abs(d) == DecayParticles.Electron);
        if (kinematics == DecayKinematics.Kl3)
            _kl3 = new Kl3Density(ParentMassGeV, DaughterMassesGeV[0], DaughterMassesGeV[1], lambdaPlus, lambdaZero);
        if (kinematics == DecayKinematics.TwoBody)
            TwoBodyMomentumGeV = TwoBodyMomentum(ParentMassGeV, DaughterMassesGeV[0], DaughterMassesGeV[1]);
        else
            DensityMaximum = 1.25 * ScanMaximum(); // grid maximum with a margin; DecaySampler checks it is never exceeded
    }

    /// <summary>Short name, e.g. "K⁻ → π⁰ e⁻ ν̄ (Ke3)".</summary>
    public string Name { get; }

    /// <summary>PDG code of the parent.</summary>
    public int ParentPdg { get; }

    /// <summary>Branching ratio (PDG).</summary>
    public double BranchingRatio { get; }

    /// <summary>Rest-frame kinematics.</summary>
    public DecayKinematics Kinematics { get; }

    /// <summary>Daughter PDG codes.</summary>
    public ImmutableArray<int> Daughters { get; }

    /// <summary>Parent mass, GeV.</summary>
    public double ParentMassGeV { get; }

    /// <summary>Daughter masses, GeV.</summary>
    public ImmutableArray<double> DaughterMassesGeV { get; }

    /// <summary>Linear slope λ₊ of f₊ (K_ℓ3 only).</summary>
    public double LambdaPlus { get; }

    /// <summary>Linear slope λ₀ of f₀ (K_ℓ3 only).</summary>
    public double LambdaZero { get; }

    /// <summary>Number of neutrinos among the daughters (their energy is missing energy).</summary>
    public int NeutrinoCount { get; }

    /// <summary>True if an e± is among the daughters (an electromagnetic shower with missing energy: the channels that
    /// fake the A′ signal).</summary>
    public bool HasElectron { get; }

    /// <summary>Rest-frame momentum of each daughter of a two-body channel, GeV (0 otherwise).</summary>
    public double TwoBodyMomentumGeV { get; }

    /// <summary>Upper bound of <see cref="Density"/> used by the rejection sampler (three-body channels).</summary>
    internal double DensityMaximum { get; }

    /// <summary>p* = √[(M² − (m₁ + m₂)²)(M² − (m₁ − m₂)²)]/(2M).</summary>
    public static double TwoBodyMomentum(double m, double m1, double m2)
    {
        double a = m * m - (m1 + m2) * (m1 + m2), b = m * m - (m1 - m2) * (m1 - m2);
        if (a < 0) throw new ArgumentOutOfRangeException(nameof(m), "below threshold");
        return Math.Sqrt(a * b) / (2 * m);
    }

    /// <summary>Dalitz density (arbitrary normalisation) at rest-frame energies e0, e1 of the first two daughters
    /// (the third has M − e0 − e1); 1 for phase space.</summary>
    public double Density(double e0, double e1) => Kinematics switch
    {
        DecayKinematics.Kl3 => _kl3!.At(e0, e1),
        DecayKinematics.Michel => MichelDensity.At(e1),
        DecayKinematics.PhaseSpace => 1.0,
        _ => throw new InvalidOperationException("two-body channels have no Dalitz density"),
    };

    /// <summary>Largest energy of daughter i in the rest frame: (M² + m_i² − (m_j + m_k)²)/(2M).</summary>
    public double MaxEnergy(int i)
    {
        double others = DaughterMassesGeV.Sum() - DaughterMassesGeV[i];
        double m = ParentMassGeV, mi = DaughterMassesGeV[i];
        return (m * m + mi * mi - others * others) / (2 * m);
    }

    /// <summary>True if (e0, e1) lies inside the Dalitz plot (momentum triangle closes).</summary>
    public bool InsideDalitz(double e0, double e1)
    {
        double e2 = ParentMassGeV - e0 - e1;
        ImmutableArray<double> ms = DaughterMassesGeV;
        if (e0 < ms[0] || e1 < ms[1] || e2 < ms[2]) return false;
        double p0 = Math.Sqrt(e0 * e0 - ms[0] * ms[0]), p1 = Math.Sqrt(e1 * e1 - ms[1] * ms[1]), p2 = Math.Sqrt(e2 * e2 - ms[2] * ms[2]);
        return p2 <= p0 + p1 && p2 >= Math.Abs(p0 - p1);
    }

    private double ScanMaximum()
    {
        const int n = 400;
        double lo0 = DaughterMassesGeV[0], hi0 = MaxEnergy(0), lo1 = DaughterMassesGeV[1], hi1 = MaxEnergy(1), max = 0;
        for (int i = 0; i <= n; i++)
            for (int j = 0; j <= n; j++)
            {
                double e0 = lo0 + (hi0 - lo0) * i / n, e1 = lo1 + (hi1 - lo1) * j / n;
                if (InsideDalitz(e0, e1)) max = Math.Max(max, Density(e0, e1));
            }
        if (!(max > 0)) throw new InvalidOperationException($"{Name}: Dalitz density vanishes everywhere");
        return max;
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
