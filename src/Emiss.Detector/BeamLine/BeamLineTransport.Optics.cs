using Emiss.Detector.Synchrotron;

namespace Emiss.Detector.BeamLine;

public sealed partial class BeamLineTransport
{
    /// <summary>
    /// x at <paramref name="zCm"/>, relative to the nominal trajectory, of an electron that followed the nominal
    /// trajectory up to material plane <paramref name="plane"/> and left it with the fraction 1 − <paramref name="y"/>
    /// of the beam energy, the rest of the field bending it by 0.29979·∫B dl/((1 − y)E0) (ideal optics: on axis, no
    /// scattering, no synchrotron loss; docs/physics/beam-line.md#where-a-hard-photon-and-its-electron-go).
    /// </summary>
    public double SoftenedElectronX(int plane, double y, double zCm)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)plane, (uint)_planes.Length, nameof(plane));
        if (!(y >= 0 && y < 1)) throw new ArgumentOutOfRangeException(nameof(y), y, "the electron keeps 1 − y of its energy: 0 ≤ y < 1");
        return OffNominalX(_planes[plane].Z, (1 - y) * _card.Beam.EnergyGeV, zCm);
    }

    /// <summary>
    /// x at <paramref name="zCm"/>, relative to the nominal trajectory, of an electron of energy <paramref name="energyGeV"/>
    /// that starts on the nominal trajectory at the beam's start (a low-energy-tail electron; same ideal optics as
    /// <see cref="SoftenedElectronX"/>). Every dipole bends it by 0.29979·B·L/E, so the offset is linear in 1/E − 1/E0:
    /// lower energies lie further out (docs/physics/beam-line.md#low-energy-tail).
    /// </summary>
    public double TailElectronX(double energyGeV, double zCm)
    {
        if (!(energyGeV > 0)) throw new ArgumentOutOfRangeException(nameof(energyGeV), energyGeV, "the electron's energy must be positive");
        return OffNominalX(StartZCm, energyGeV, zCm);
    }

    private double OffNominalX(double zSwitch, double e, double zCm)
    {
        if (zCm <= zSwitch) return 0;
        (double x, double tx) = Nominal(zSwitch);
        double z = zSwitch;
        foreach (Dipole d in _dipoles)
        {
            if (d.End <= z) continue;
            if (zCm <= d.Start) break;
            x += tx * (d.Start > z ? d.Start - z : 0);
            double a = Math.Max(z, d.Start), b = Math.Min(zCm, d.End), l = b - a;
            // Curvature per cm of an electron of energy e in the field (negative particles bend towards +x).
            double k = SynchrotronFormulas.BendAngleRad(d.FieldT * 0.01, e);
            x += tx * l + k * l * l / 2;
            tx += k * l;
            z = b;
        }
        return x + tx * (zCm - z) - NominalX(zCm);
    }

    /// <summary>x at <paramref name="zCm"/>, relative to the nominal trajectory, of a photon emitted in material plane
    /// <paramref name="plane"/> along the nominal direction there (it flies straight through the fields).</summary>
    public double PhotonX(int plane, double zCm)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)plane, (uint)_planes.Length, nameof(plane));
        double z0 = _planes[plane].Z;
        if (zCm <= z0) return 0;
        (double x, double tx) = Nominal(z0);
        return x + tx * (zCm - z0) - NominalX(zCm);
    }
}
