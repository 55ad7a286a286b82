using Emiss.Detector.Beam;
using Emiss.Detector.BeamLine;
using Emiss.Detector.Pipeline;

namespace Emiss.Backgrounds.Sources;

/// <summary>
/// The beam electron as the sources that act on its shower in the ECAL (dimuons, punch-through photons) see it: the
/// primary arrived at the ECAL face, still an electron, inside the ECAL's front face. A primary lost upstream, or bent off
/// the ECAL after radiating upstream, never showers in it, so such a source leaves its event as it is.
/// </summary>
internal static class EcalArrival
{
    /// <summary>The electron's energy at the ECAL face, GeV, or NaN when the primary does not shower in the ECAL.</summary>
    public static double ElectronEnergyGeV(DetectorModel model, BeamLineRecord record)
    {
        if (record.PrimaryLost || record.ArrivalCount == 0 || record.ArrivalKind[0] != DetectorSpecies.Electron) return double.NaN;
        if (!model.Layout.HitsEcal(record.ArrivalXCm[0], record.ArrivalYCm[0])) return double.NaN;
        return record.ArrivalEnergyGeV[0];
    }
}
