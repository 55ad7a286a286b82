namespace Emiss.Core.Numerics;

/// <summary>
/// A sum over the blocks 0 … B−1 of a run whose result does not depend on how the blocks are split between threads,
/// shards or processes. Floating-point addition is not associative, so "the sum" is defined as one fixed binary tree:
/// node (L, j) covers blocks [j·2^L, (j+1)·2^L) ∩ [0, B) and is left(L−1, 2j) ⊕ right(L−1, 2j+1), a child that lies
/// wholly at or beyond B being absent (the node is then its left child, no addition). The root is the smallest L with
/// 2^L ≥ B. Any contiguous block range [a, b) is summed as its canonical cover: the maximal aligned nodes inside it,
/// left to right (<see cref="Cover"/>), each reduced with the same tree. A shard keeps its cover's node sums; the merge
/// of all shards' nodes (<see cref="Root{T}"/>) performs the remaining additions of the same tree, so it equals the
/// single run's sum bit for bit. Pairwise summation is also more accurate than a left fold (error O(ε log B), Higham,
/// Accuracy and Stability of Numerical Algorithms, 2nd ed., §4.2).
/// </summary>
public static class BlockTree
{
    /// <summary>
    /// The maximal aligned nodes (level, index) inside blocks [<paramref name="first"/>, <paramref name="end"/>),
    /// left to right: from each position the largest 2^L-aligned node that fits.
    /// </summary>
    public static IReadOnlyList<(int Level, long Index)> Cover(long first, long end)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfLessThan(end, first);
        var nodes = new List<(int, long)>();
        long p = first;
        while (p < end)
        {
            int level = 0;
            while (level < 62 && p % (2L << level) == 0 && p + (2L << level) <= end) level++;
            nodes.Add((level, p >> level));
            p += 1L << level;
        }
        return nodes;
    }

    /// <summary>
    /// Reduces <paramref name="leaves"/> (the sums of blocks <paramref name="first"/>, <paramref name="first"/> + 1, …)
    /// to the node sums of their cover. <paramref name="combine"/>(a, b) returns a ⊕ b and may reuse a.
    /// </summary>
    public static IReadOnlyList<BlockNode<T>> ReduceRange<T>(long first, IReadOnlyList<T> leaves, Func<T, T, T> combine) where T : class
    {
        ArgumentNullException.ThrowIfNull(leaves);
        ArgumentNullException.ThrowIfNull(combine);
        long end = first + leaves.Count;
        T? Known(int level, long index) => level == 0 && index >= first && index < end ? leaves[(int)(index - first)] : null;
        return [.. Cover(first, end).Select(n => new BlockNode<T>(n.Level, n.Index, Node(n.Level, n.Index, end, Known, combine)!))];
    }

    /// <summary>
    /// The sum of all <paramref name="blocks"/> blocks from node sums that cover [0, <paramref name="blocks"/>) without
    /// overlap (the covers of the shards' ranges, in any order). A gap is an <see cref="InvalidDataException"/>.
    /// </summary>
    public static T Root<T>(IEnumerable<BlockNode<T>> nodes, long blocks, Func<T, T, T> combine) where T : class
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(combine);
        ArgumentOutOfRangeException.ThrowIfLessThan(blocks, 1);
        var known = new Dictionary<(int, long), T>();
        foreach (BlockNode<T> n in nodes)
            if (!known.TryAdd((n.Level, n.Index), n.Value)) throw new InvalidDataException($"block node ({n.Level}, {n.Index}) appears twice");
        int top = 0;
        while ((1L << top) < blocks) top++;
        return Node(top, 0, blocks, (l, j) => known.GetValueOrDefault((l, j)), combine)!;
    }

    /// <summary>Node (level, index) of the tree over [0, end): a given sum, else its children's; null when it starts at or beyond end.</summary>
    private static T? Node<T>(int level, long index, long end, Func<int, long, T?> known, Func<T, T, T> combine) where T : class
    {
        if (index << level >= end) return null;
        if (known(level, index) is { } given) return given;
        if (level == 0) throw new InvalidDataException($"block {index} has no sum (the shards do not cover the run)");
        T left = Node(level - 1, 2 * index, end, known, combine)!;
        T? right = Node(level - 1, 2 * index + 1, end, known, combine);
        return right is null ? left : combine(left, right);
    }
}

/// <summary>The sum of tree node (<paramref name="Level"/>, <paramref name="Index"/>): blocks [Index·2^Level, (Index+1)·2^Level).</summary>
/// <typeparam name="T">The sum's type.</typeparam>
/// <param name="Level">Tree level (0 = one block).</param>
/// <param name="Index">Node index at that level.</param>
/// <param name="Value">The sum.</param>
public readonly record struct BlockNode<T>(int Level, long Index, T Value);
