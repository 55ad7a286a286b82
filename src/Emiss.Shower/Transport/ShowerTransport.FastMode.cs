using Emiss.Core.Random;
using Emiss.Shower.Scoring;

namespace Emiss.Shower.Transport;

public sealed partial class ShowerTransport
{
    /// <summary>Fast mode: replaces the particle by a library shower if it is in the library's range; true if it did.</summary>
    private bool TrySubstitute<TObserver>(ref TrackState p, ref EventRng rng, ref TObserver obs, ref EventLedger ledger)
        where TObserver : struct, IShowerObserver
    {
        if (!_library!.Applies(p.Type, p.T, p.Slab)) return false;
        long t0 = _profile.Start();
        if (p.Type == ShowerSpecies.Positron) ledger.PositronsEnded++;
        (double dep, double esc, double inv, int spots) = _library.Substitute(p.Type, p.T, p.X, p.Y, p.Slab, p.Ux, p.Uy, p.Uz, ref rng, ref obs);
        ledger.Substitutions++;
        ledger.LibrarySpots += spots;
        ledger.DepositedGeV += dep;
        ledger.InvisibleGeV += inv;
        if (esc > 0)
        {
            obs.OnLeak(new LeavingParticle(p.Type, p.T, p.X, p.Y, p.Z, p.Ux, p.Uy, p.Uz), esc);
            ledger.LeakedGeV += esc;
        }
        _profile.EndSubstitution(t0);
        return true;
    }
}
