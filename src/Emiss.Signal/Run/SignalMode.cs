namespace Emiss.Signal.Run;

/// <summary>How much of the shower the signal Monte Carlo transports.</summary>
public enum SignalMode
{
    /// <summary>
    /// Yield mode: only particles that can still emit a signal-window A′ are tracked (e± and γ below
    /// E_cut − 2 m_e are stopped where they are born, e± production cut raised to the same value so δ rays
    /// below it become continuous loss; no multiple scattering). Gives the yield, E_miss spectrum and emission kinematics, not deposits.
    /// </summary>
    Yield,

    /// <summary>Detector mode: the full shower with standard cuts; deposits per section and cell are recorded.</summary>
    Detector,
}
