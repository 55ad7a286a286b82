namespace Emiss.Shower.PhysicsList;

/// <summary>
/// Constant-time bracketing in a strictly increasing table of positive values (the CSDA range on the energy grid):
/// the values are bucketed by the high bits of their IEEE-754 representation (exponent and 4 mantissa bits, 16 buckets
/// per octave), which order positive doubles like the values themselves, and each bucket stores the last table index at
/// or below its lower edge. A look-up then walks at most a few entries from there. The bracket found is the same as a
/// binary search's (the largest i with table[i] ≤ x), so results do not change, only the cost (the range inversion runs
/// once or twice per charged step).
/// </summary>
internal sealed class MonotoneTableIndex
{
    private const int Shift = 48;                 // 64 − 1 sign − 11 exponent − 4 mantissa bits
    private readonly long _keyMin;
    private readonly int[] _start;

    /// <summary>An index of <paramref name="table"/>, or null when it is not positive and strictly increasing (the
    /// caller then searches it as before).</summary>
    public static MonotoneTableIndex? TryCreate(ReadOnlySpan<double> table)
    {
        if (table.Length < 2 || !(table[0] > 0)) return null;
        for (int i = 1; i < table.Length; i++)
            if (!(table[i] > table[i - 1]) || double.IsInfinity(table[i])) return null;
        return new MonotoneTableIndex(table);
    }

    private MonotoneTableIndex(ReadOnlySpan<double> table)
    {
        _keyMin = Key(table[0]);
        _start = new int[Key(table[^1]) - _keyMin + 1];
        int lo = 0;
        for (int b = 0; b < _start.Length; b++)
        {
            double edge = BitConverter.Int64BitsToDouble((_keyMin + b) << Shift);
            while (lo + 1 < table.Length && table[lo + 1] <= edge) lo++;
            _start[b] = lo;
        }
    }

    /// <summary>The largest i with table[i] ≤ <paramref name="x"/>, for table[0] ≤ x &lt; table[^1].</summary>
    public int Lower(ReadOnlySpan<double> table, double x)
    {
        int lo = _start[Key(x) - _keyMin];
        while (table[lo + 1] <= x) lo++;
        return lo;
    }

    private static long Key(double x) => BitConverter.DoubleToInt64Bits(x) >> Shift;
}
