"""Runs the Python client that the build generates from openapi/openapi.yaml (openapi-generator's
python generator, into target/python-client) against a stand-in platform: the proof that the
contract serves Python unchanged. The client is not installed: PYTHONPATH=target/python-client.

    python3 proof.py register BASE_URL          token, the demo event's attendee types, a registration
    python3 proof.py operation-servers BASE_URL  the token request without ignore_operation_servers
    python3 proof.py typos BASE_URL             misspelt fixed values of the token form
    python3 proof.py check-requirements DIR     what the client generated in DIR needs, installed?

The app key and secret come from HUIYI31_APP_KEY and HUIYI31_APP_SECRET, never from the command
line. Every request goes through a guard that lets through only URLs under BASE_URL and refuses
any other before it is sent; each one is printed as "sent: METHOD URL" or "refused: METHOD URL".
Nothing personal and no token is printed.

Exit codes: 0 done; 1 the platform refused, or an answer was not what the contract says;
2 usage; 3 a request was aimed outside BASE_URL (refused, not sent); 4 requirements missing.
"""

import os
import re
import sys
from importlib import metadata

DEMO_EVENT = "07320000-fe25-16f7-4c65-08d9fb59aefd"


class AimedElsewhere(Exception):
    """A request whose URL is not under the allowed base URL; raised before anything is sent."""


class OnlyTo:
    """Wraps the generated client's REST layer: records every request, refuses any outside base_url."""

    def __init__(self, api_client, base_url):
        self._base = base_url.rstrip("/") + "/"
        self._send = api_client.rest_client.request
        api_client.rest_client.request = self.request
        self.sent = []

    def request(self, method, url, *args, **kwargs):
        if not url.startswith(self._base):
            print(f"refused: {method} {url} (not under {self._base})")
            raise AimedElsewhere(url)
        print(f"sent: {method} {url}")
        self.sent.append(url)
        return self._send(method, url, *args, **kwargs)


def client(base_url, ignore_operation_servers=True):
    from huiyi31_client import ApiClient, Configuration

    # The token operation declares its own servers (the OAuth hosts); they win over `host` unless
    # ignore_operation_servers is set, and the token request would leave for the real issuer.
    config = Configuration(host=base_url, ignore_operation_servers=ignore_operation_servers)
    api_client = ApiClient(config)
    return config, api_client, OnlyTo(api_client, base_url)


def new_token(api_client):
    from huiyi31_client import TokenApi, TokenClientId, TokenGrantType, TokenMethod, TokenScope

    return TokenApi(api_client).request_access_token(
        grant_type=TokenGrantType.CUSTOM_USER_CODE,
        client_id=TokenClientId.OPENAPI,
        scope=TokenScope.OFFLINE_ACCESS_OPEN_APP_GATEWAY,
        method=TokenMethod.CLIENT_SECRET,
        app_key=os.environ["HUIYI31_APP_KEY"],
        app_secret=os.environ["HUIYI31_APP_SECRET"],
    )


def register(base_url):
    from huiyi31_client import (AttendeeApi, AttendeeForm, AttendeeTypeApi, FormField,
                                ListAttendeeTypesRequest, RegisterAttendeeRequest, TicketItem)

    config, api_client, _ = client(base_url)
    token = new_token(api_client)
    # format: password makes the answer's tokens pydantic SecretStr: printed as '**********'.
    config.access_token = token.access_token.get_secret_value()
    print(f"token: expires in {token.expires_in} s, refresh token {'present' if token.refresh_token else 'absent'}")

    listed = AttendeeTypeApi(api_client).list_attendee_types(ListAttendeeTypesRequest(bvent_id=DEMO_EVENT))
    if listed.business_code != 0 or listed.data is None:
        print(f"type list refused: businessCode {listed.business_code}", file=sys.stderr)
        return 1
    types = listed.data.attendee_types or []
    print("attendee types: " + ", ".join(t.name or t.id for t in types))

    # Register as the first type with a ticket on sale and the fields FullName and Mobile: its
    # ids and names come from the list, as a team's code would take them.
    for kind in types:
        field_names = {f.field_name for f in kind.fields or []}
        ticket = next((t for t in kind.tickets or [] if t.is_can_sale), None)
        if ticket and {"FullName", "Mobile"} <= field_names:
            break
    else:
        print("no attendee type with a ticket on sale and the fields FullName and Mobile", file=sys.stderr)
        return 1
    answer = AttendeeApi(api_client).register_attendee(RegisterAttendeeRequest(
        bvent_id=DEMO_EVENT,
        attendee_type_id=kind.id,
        attendee=AttendeeForm(fields=[FormField(field_name="FullName", field_value="张晓明"),
                                      FormField(field_name="Mobile", field_value="13912345678")]),
        items=[TicketItem(item_sku_id=ticket.id, item_sku_name=ticket.name, quantity=1)],
    ))
    order = answer.data
    if answer.business_code != 0:
        print(f"Refused by the platform: businessCode {answer.business_code}", file=sys.stderr)
        return 1
    if order is None or not order.order_no or not order.order_attendees:
        print("businessCode 0 but no order number or attendee in the answer", file=sys.stderr)
        return 1
    print(f"Registered: order {order.order_no}, check-in code {order.order_attendees[0].checkin_code}")
    return 0


def operation_servers(base_url):
    """The token request with `host` set but ignore_operation_servers left False: where does it go?"""
    _, api_client, _ = client(base_url, ignore_operation_servers=False)
    new_token(api_client)  # the guard refuses it before it is sent (AimedElsewhere)
    print("the token request reached " + base_url, file=sys.stderr)
    return 0


def typos(base_url):
    """Each fixed value of the token form, misspelt: the generated client refuses it, sending nothing."""
    import pydantic
    from huiyi31_client import TokenApi

    _, api_client, guard = client(base_url)
    good = {"grant_type": "custom_user_code", "client_id": "openapi",
            "scope": "offline_access OpenAppGateway", "method": "client_secret"}
    misspelt = {"grant_type": "custom_user_cod", "client_id": "openapy",
                "scope": "offline_access OpenAppGateWay", "method": "client-secret"}
    refused = 0
    for name, typo in misspelt.items():
        try:
            TokenApi(api_client).request_access_token(**{**good, name: typo}, app_key="k", app_secret="s")
            print(f"{name}: a misspelt value was accepted")
        except pydantic.ValidationError as e:
            where = sorted({str(error["loc"][-1]) for error in e.errors()})
            print(f"{name}: refused before sending ({', '.join(where)})")
            if where == [name]:
                refused += 1
        except Exception as e:  # noqa: BLE001 - the platform's answer to a sent typo
            print(f"{name}: sent, and answered {type(e).__name__}")
    return 0 if refused == len(misspelt) and not guard.sent else 1


def check_requirements(client_dir):
    """Does this interpreter have what the generated client asks for (setup.py's PYTHON_REQUIRES,
    requirements.txt's "name >= 1.2, < 3" lines)? One line each."""
    missing = []
    with open(os.path.join(client_dir, "setup.py"), encoding="utf-8") as setup:
        python = re.search(r'PYTHON_REQUIRES\s*=\s*"([^"]+)"', setup.read()).group(1)
    have = ".".join(map(str, sys.version_info[:3]))
    if all(holds(have, condition) for condition in python.split(",")):
        print(f"python {have}")
    else:
        missing.append(f"python {have} (needs {python})")
    with open(os.path.join(client_dir, "requirements.txt"), encoding="utf-8") as lines:
        for line in (l.strip() for l in lines):
            if not line or line.startswith("#"):
                continue
            name, spec = re.match(r"([A-Za-z0-9_.-]+)\s*(.*)", line).groups()
            try:
                have = metadata.version(name)
            except metadata.PackageNotFoundError:
                missing.append(f"{name} (not installed; needs {spec})")
                continue
            if all(holds(have, condition) for condition in spec.split(",") if condition.strip()):
                print(f"{name} {have}")
            else:
                missing.append(f"{name} {have} (needs {spec})")
    for problem in missing:
        print("missing: " + problem)
    return 4 if missing else 0


def holds(version, condition):
    operator, wanted = re.match(r"\s*(>=|<=|==|<|>)\s*(\S+)", condition).groups()
    have, want = numbers(version), numbers(wanted)
    return {">=": have >= want, "<=": have <= want, "==": have == want, "<": have < want, ">": have > want}[operator]


def numbers(version):
    parts = [int(re.match(r"\d*", part).group(0) or 0) for part in version.split(".")[:3]]
    return tuple(parts + [0] * (3 - len(parts)))


def main(argv):
    commands = {"register": register, "operation-servers": operation_servers, "typos": typos,
                "check-requirements": check_requirements}
    if len(argv) != 2 or argv[0] not in commands:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        return commands[argv[0]](argv[1])
    except AimedElsewhere:
        return 3
    except Exception as e:  # noqa: BLE001 - one line, never a stack trace with values in it
        if argv[0] == "check-requirements":
            raise
        status = getattr(e, "status", None)
        print(f"Failed: {type(e).__name__}" + (f", HTTP {status}" if status else ""), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
