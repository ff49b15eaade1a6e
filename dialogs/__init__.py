"""aiogram-dialog windows: layout in dialog.py, data in getters.py, actions in handlers.py."""
