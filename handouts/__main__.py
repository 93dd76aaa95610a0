from handouts.cli import main

main()
