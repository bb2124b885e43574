namespace Runtime.Abstractions;

/// <summary>A grain addressed by a string key (a user id, an experiment id).</summary>
public interface IGrainWithStringKey : IGrain;
