namespace Emiss.Detector.Soak;

/// <summary>Keeps the <c>capacity</c> slowest events seen, by CPU time (a small unsorted array: an offer is one comparison with the
/// current minimum unless the event enters the list).</summary>
internal sealed class SlowestEvents(int capacity)
{
    private readonly SlowEvent[] _items = new SlowEvent[capacity];
    private int _count, _min;

    public void Offer(in SlowEvent e)
    {
        if (_items.Length == 0) return;
        if (_count < _items.Length)
        {
            _items[_count++] = e;
            if (_count == _items.Length) FindMin();
            return;
        }
        if (e.CpuSeconds <= _items[_min].CpuSeconds) return;
        _items[_min] = e;
        FindMin();
    }

    public void Merge(SlowestEvents other)
    {
        for (int i = 0; i < other._count; i++) Offer(other._items[i]);
    }

    /// <summary>The events kept, slowest first (ties by seed and index, so the order does not depend on threads).</summary>
    public SlowEvent[] Sorted() =>
        [.. _items.Take(_count).OrderByDescending(e => e.CpuSeconds).ThenBy(e => e.Seed).ThenBy(e => e.EventIndex)];

    private void FindMin()
    {
        _min = 0;
        for (int i = 1; i < _count; i++) if (_items[i].CpuSeconds < _items[_min].CpuSeconds) _min = i;
    }
}
