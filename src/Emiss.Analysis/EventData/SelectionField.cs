namespace Emiss.Analysis.EventData;

/// <summary>The scalar columns of <see cref="Emiss.Events.Selection.SelectionColumns"/>, each one event-store column,
/// so that a reader can load them one at a time (<see cref="RowGroupColumns.LoadAsync"/>). The ECAL cells are
/// loaded separately (<see cref="RowGroupColumns.LoadCellsAsync"/>).</summary>
internal enum SelectionField
{
    /// <summary><c>run</c>.</summary>
    Run,
    /// <summary><c>event</c>.</summary>
    Event,
    /// <summary><c>weight</c>.</summary>
    Weight,
    /// <summary><c>trigger_bits</c>.</summary>
    Trigger,
    /// <summary><c>track_ok</c>.</summary>
    TrackOk,
    /// <summary><c>track_p_gev</c> (null → NaN).</summary>
    TrackMomentum,
    /// <summary><c>track_theta_mrad</c> (null → NaN).</summary>
    TrackTheta,
    /// <summary><c>srd_energy_mev</c>.</summary>
    SrdEnergy,
    /// <summary><c>srd_time_ns</c>.</summary>
    SrdTime,
    /// <summary><c>ecal_energy_gev</c>.</summary>
    EcalEnergy,
    /// <summary><c>ecal_preshower_gev</c>.</summary>
    EcalPreshower,
    /// <summary><c>ecal_max_cell</c>.</summary>
    EcalMaxCell,
    /// <summary><c>v2_energy_mev</c>.</summary>
    V2Energy,
    /// <summary><c>hcal_energy_gev</c>.</summary>
    HcalEnergy,
}
