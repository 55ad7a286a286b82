using System.Globalization;

namespace Emiss.Events;

/// <summary>How a stored <c>true_process</c> code is written in text outputs (<c>seeds.csv</c>, <c>box-events.csv</c>).</summary>
public static class TrueProcessNames
{
    /// <summary>The <see cref="TrueProcess"/> member's name, or the code itself for a code this build does not know
    /// (a file from a later schema).</summary>
    public static string Of(int code) => Enum.GetName((TrueProcess)code) ?? code.ToString(CultureInfo.InvariantCulture);
}
