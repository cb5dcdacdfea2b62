"""Domain tasks the steps hand over to: log in on devices, act in the System Console, watch logouts, ask the server."""
