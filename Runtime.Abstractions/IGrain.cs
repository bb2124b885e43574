namespace Runtime.Abstractions;

/// <summary>Marker for every grain interface. Grain methods return <see cref="Task"/> or <see cref="Task{TResult}"/>.</summary>
public interface IGrain;
