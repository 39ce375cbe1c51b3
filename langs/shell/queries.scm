; Shell scripts are read whole by the shell.file handler: which variables
; the script sets itself decides which expansions read the environment.
(program) @shell.file
