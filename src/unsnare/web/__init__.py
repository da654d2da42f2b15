"""The local web app: get help now, check a conversation, my case, protect my images.

Nothing is built at import time; call `unsnare.web.app.create_app(settings)`.
"""
