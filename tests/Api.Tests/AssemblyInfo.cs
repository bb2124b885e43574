// The cluster tests start silo processes and kill them; run the collections one at a time on the two shared cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
