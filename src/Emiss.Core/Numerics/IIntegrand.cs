namespace Emiss.Core.Numerics;

/// <summary>A one-dimensional integrand passed by value to <see cref="GaussLegendre"/>.</summary>
public interface IIntegrand
{
    /// <summary>The integrand at <paramref name="x"/>.</summary>
    double Evaluate(double x);
}
