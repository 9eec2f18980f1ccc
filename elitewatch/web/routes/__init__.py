"""The routes by page group, one APIRouter a module; app.py includes them in the order of its ROUTERS."""
