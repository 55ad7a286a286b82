namespace Emiss.Stats;

/// <summary>How an upper limit on a signal count is constructed.</summary>
public enum LimitMethod
{
    /// <summary>Modified frequentist CLs = CL_{s+b}/CL_b (Read, J. Phys. G 28, 2693 (2002); Junk, NIM A 434, 435 (1999)).</summary>
    Cls,

    /// <summary>Plain Neyman limit from CL_{s+b} alone (can be 0 when n_obs falls far below b).</summary>
    ClsPlusB,

    /// <summary>Upper end of the Feldman–Cousins likelihood-ratio-ordered interval (PRD 57, 3873 (1998)).</summary>
    FeldmanCousins,
}
