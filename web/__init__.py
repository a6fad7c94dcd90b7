"""The Flask web application of fazhi (web.app.create_app), served by `fazhi serve`."""
