using Emiss.Analysis.Blinding;
using Emiss.Analysis.Tests.EventData;
using Emiss.Events.Selection;
using Xunit;

namespace Emiss.Analysis.Tests.Blinding;

public sealed class CutsFingerprintTests
{
    [Fact]
    public void Equal_cuts_share_a_fingerprint_and_one_ulp_changes_it()
    {
        SelectionCuts a = SyntheticEvents.SeedCuts(), b = SyntheticEvents.SeedCuts();
        Assert.Equal(CutsFingerprint.Sha256(a), CutsFingerprint.Sha256(b));
        SelectionCuts nudged = a with { Ecal = a.Ecal with { Chi2Max = Math.BitIncrement(a.Ecal.Chi2Max) } };
        Assert.NotEqual(CutsFingerprint.Sha256(a), CutsFingerprint.Sha256(nudged));
        SelectionCuts shape = a with { Ecal = a.Ecal with { ShapeFractions = [.. a.Ecal.ShapeFractions.Select((f, k) => k == 8 ? f + 1e-12 : f)] } };
        Assert.NotEqual(CutsFingerprint.Sha256(a), CutsFingerprint.Sha256(shape));
    }

    [Fact]
    public void The_canonical_form_parses_back_to_the_same_fingerprint()
    {
        SelectionCuts a = SyntheticEvents.SeedCuts();
        SelectionCuts back = CutsFingerprint.Parse(CutsFingerprint.Canonical(a), "test");
        Assert.Equal(CutsFingerprint.Sha256(a), CutsFingerprint.Sha256(back));
    }

    [Fact]
    public void Missing_and_unknown_keys_are_refused()
    {
        string json = CutsFingerprint.Canonical(SyntheticEvents.SeedCuts());
        Assert.Contains(",\"chi2Max\":3.9", json, StringComparison.Ordinal);
        Assert.Throws<InvalidDataException>(() => CutsFingerprint.Parse(json.Replace(",\"chi2Max\":3.9", "", StringComparison.Ordinal), "t"));
        Assert.Throws<InvalidDataException>(() => CutsFingerprint.Parse(json.Replace("\"chi2Max\"", "\"chi2Maximum\"", StringComparison.Ordinal), "t"));
    }
}
