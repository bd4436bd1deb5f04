// Entry point: the command line lives in Cli/.
return 0;
