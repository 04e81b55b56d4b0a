"""The rules that read orders out of the clauses of the operative part.

`Reader` walks the clauses in order. Each clause is tried against, in turn: legal bases and the
closing clause (skipped); "Xác định ..." statements (assets described, not ordered: kept only to
complete later mentions); the late-interest clause and the security clause (kept as statements,
applied to the orders they name at the end); instalment lines; fines; refusals ("Không chấp
nhận", "Đình chỉ", ...); court fees and refunds of advances; confiscation and return of exhibits;
allocations of assets; and finally orders to pay, hand over or act ("Buộc A phải trả cho B ...",
"A có nghĩa vụ liên đới thanh toán cho B ...").
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from docproc.extract import assets as A
from docproc.extract._clauses import Clause, in_item
from docproc.extract.evidence import EvidenceBuilder
from docproc.schema import Asset, Obligation, Party
from docproc.text import AmountMatch, find_amounts
from docproc.text.dates import find_dates

__all__ = ["Reader", "Draft", "AssetDraft"]

_I = re.I
STATE = "STATE"

# -- patterns ---------------------------------------------------------------------------------------
_MONEY_VERBS = r"trả\s+nợ\s+thay|trả\s+thay|trả\s+lại|trả\s+nợ|trả|thanh\s+toán|bồi\s+thường|hoàn\s+trả|hoàn\s+lại|chi\s+trả|nộp|cấp\s+dưỡng"
_GIVE_VERBS = r"giao\s+lại|bàn\s+giao|giao\s+trả|giao"
_ACT_VERBS = (
    r"tháo\s+dỡ|di\s+dời|phối\s+hợp|thực\s+hiện|ban\s+hành|xóa|xoá|chấm\s+dứt|khôi\s+phục|làm\s+thủ\s+tục|"
    r"cải\s+chính|xin\s+lỗi|sửa\s+chữa|mở\s+lối|chốt|cung\s+cấp|di\s+chuyển|dỡ\s+bỏ|trả\s+lại\s+bản\s+chính"
)
_ORDER_RE = re.compile(
    r"(?P<neg>\b(?:không|chưa|đã|còn|được|có\s+quyền)\s+(?:phải\s+)?(?:tiếp\s+tục\s+)?)?"
    r"(?P<modal>\b(?:phải|có\s+nghĩa\s+vụ|có\s+trách\s+nhiệm|đồng\s+ý|tự\s+nguyện|cam\s+kết|thống\s+nhất)\s+)?"
    r"(?:(?:tiếp\s+tục|cùng)\s+)?"
    r"(?P<joint>\bliên\s+đới\s+)?(?:(?:cùng\s+(?:với\s+\S+\s+)?|tiếp\s+tục\s+))?"
    rf"(?P<verb>\b(?:{_ACT_VERBS}|{_MONEY_VERBS}|{_GIVE_VERBS}))(?!\w)",
    _I,
)
_BUOC_RE = re.compile(r"\b(?:buộc|thì)\b|:", _I)
_NEG_START_RE = re.compile(
    r"^\s*(?:[-–+]\s*)?(?:Không\s+chấp\s+nhận|Bác\b|Đình\s+chỉ|Ghi\s+nhận|Hủy|Huỷ|Tuyên\s+bố|Chấp\s+nhận|"
    r"Sửa\s+(?:bản|một)|Giữ\s+nguyên|Miễn|Công\s+nhận|Chấm\s+dứt\s+hợp|Cấm|Giao\s+bị\s+cáo|Xử\s+phạt|"
    r"Gia\s+đình|Người\s+không\s+trực\s+tiếp|Vì\s+lợi\s+ích|Các\s+đương\s+sự|Việc\s+trả\s+tiền|Ngoài\s+các)",
    _I,
)
_HEAD_PREFIX_RE = re.compile(
    r"^\s*Về\s[^:.;]{1,80}:\s*(?:Căn\s+cứ[^:]{1,400}:\s*|Áp\s+dụng[^:]{1,400}:\s*)?(?=\S)", _I
)
# "Ghi nhận sự tự nguyện của bị cáo A bồi thường cho ...", "Công nhận sự thỏa thuận ...: ông A trả ...":
# what the court records as agreed is ordered, unless it was already done.
_AGREED_RE = re.compile(
    r"^\s*(?:[-–+]\s*)?(?:Ghi\s+nhận|Công\s+nhận)\s+(?:sự\s+)?(?:tự\s+nguyện|thỏa\s+thuận|thoả\s+thuận)"
    r"(?![^.]*\bđã\s+(?:bồi\s+thường|trả|thanh\s+toán|nhận|thực\s+hiện|nộp))",
    _I,
)
_STATE_FUND_RE = re.compile(
    r"sung\s+(?:vào\s+)?(?:quỹ|ngân\s+sách|công\s+quỹ)|nộp\s+(?:vào\s+|lại\s+)?(?:cho\s+)?ngân\s+sách|"
    r"thu\s+lợi\s+bất\s+chính|truy\s+thu",
    _I,
)
_XAC_DINH_RE = re.compile(r"^\s*(?:[-–+]\s*)?Xác\s+định\b", _I)
_LATER_BUOC_RE = re.compile(r"[,;.]\s*(?=buộc\b)", _I)
_CUT_RE = re.compile(
    r"\b(?:trong\s+thời\s+hạn|kể\s+từ\s+ngày\s+nhận|sau\s+khi\s+(?!đối\s+trừ)|khi\s+nhận\s+đủ|chậm\s+nhất\s+(?:vào\s+)?ngày)",
    _I,
)
_EACH_RE = re.compile(r"\bmỗi\s+(?:người|bên|bị\s+cáo|đương\s+sự)\b", _I)
_PERIOD_AFTER_RE = re.compile(r"\s*(?:\([^)]*\)\s*)?/\s*(?:01\s+|một\s+)?tháng", _I)
_PERIOD_BEFORE_RE = re.compile(r"(?:mỗi|hàng|hằng)\s+tháng[^.;\d]{0,25}$", _I)
_FROM_MONTH_RE = re.compile(r"kể\s+từ\s+tháng\s+(?P<m>\d{1,2})\s*[/\-]\s*(?P<y>\d{4})", _I)
_FROM_RE = re.compile(r"\bkể\s+từ\s+(?:ngày\s+)?", _I)
_COMP_START_RE = re.compile(r"\b(?:trong\s+đó|bao\s+gồm|gồm)\b\s*:?", _I)
_COMP_STOP_RE = re.compile(
    r"[;.,]?\s*(?:[Đđ]ược\s+(?:khấu\s+)?trừ|chia\s+(?:làm|theo)|kỷ\s+phần|[Kk]ể\s+từ)|\.\s|;\s*(?=[A-ZĐ])"
)
_TOTAL_RE = re.compile(r"\btổng\s+(?:cộng|số(?:\s+tiền)?)\s*(?:là)?\s*:?\s*$", _I)
_SIBLING_RE = re.compile(
    r"\s*(?:,|;)?\s*(?:và\s+)?(?:phải\s+|có\s+nghĩa\s+vụ\s+)?(?:liên\s+đới\s+)?"
    r"(?:trả|thanh\s+toán|bồi\s+thường|hoàn\s+trả)(?:\s+lại)?\s+cho\s+",
    _I,
)
_ARITH_RE = re.compile(r"\s*[x×*]\s*\d[\d.,]*[^=;.]{0,30}=\s*$")
_REMAIN_RE = re.compile(
    r"\bcòn\s+phải\s+(?:liên\s+đới\s+)?(?:bồi\s+thường|trả|thanh\s+toán)(?:\s+tiếp)?\b(?!\s+(?:khoản\s+)?(?:tiền\s+)?lãi)",
    _I,
)
_SHARE_CTX_RE = re.compile(r"kỷ\s+phần|chia\s+theo\s+phần|mỗi\s+bị\s+cáo|mỗi\s+người", _I)
_INSTAL_RE = re.compile(r"^\s*(?:[-–+]\s*)?Đợt\s+(?:\d+|[^\W\d]+)\s*(?:\([^)]*\))?\s*:", _I)
_DUE_RE = re.compile(r"thời\s+hạn\s+(?:trả\s+nợ|thanh\s+toán|thực\s+hiện)\s*:?", _I)
_STOP_RE = re.compile(
    r"^\s*(?:[-–+]\s*)?(?:Không\s+chấp\s+nhận|Kể\s+từ|Trường\s+hợp|Ghi\s+nhận|Tiếp\s+tục|Về\s|Đình\s+chỉ|"
    r"Buộc|Giao\s|Xác\s+định|Nếu\s)",
    _I,
)

# Late interest: the statutory clause (Art. 357/468) and contract interest continuing after judgment.
_LI_CONTRACT_RE = re.compile(
    r"tiếp\s+tục\s+(?:phải\s+)?(?:chịu|trả|thanh\s+toán)\s+(?:thêm\s+)?(?:khoản\s+)?(?:tiền\s+)?lãi", _I
)
_LI_STAT_RE = re.compile(
    r"(?:phải|còn)\s+(?:phải\s+)?(?:chịu|trả)\s+(?:thêm\s+)?(?:khoản\s+)?(?:tiền\s+)?lãi\b"
    r"|còn\s+(?:phải\s+)?trả\s+cho\s+[^.;]{1,60}?\s+(?:số\s+)?tiền\s+lãi\b",
    _I,
)
_LI_KEYS_RE = re.compile(
    r"thi\s+hành\s+án|chậm\s+trả|chậm\s+thi\s+hành|chậm\s+thanh\s+toán|Điều\s+468|Điều\s+357", _I
)
_MUC_RE = re.compile(r"\bmục\s+(\d{1,2}(?:\.\d{1,2}){0,3})(?!\d)", _I)
_MUC_THIS_RE = re.compile(r"\bmục\s+này\b", _I)

# Court fees and refunds of advances.
_CHIU_RE = re.compile(
    r"(?P<neg>\b(?:không\s+phải|không|miễn|chưa|còn\s+phải|còn|đã|phải\s+nộp\s+tiếp)\s+)?"
    r"(?P<joint>\bliên\s+đới\s+)?\b(?:chịu|(?<=phải\s)nộp)\b(?!\s+tiếp)",
    _I,
)
_FEE_WORD_RE = re.compile(r"án\s+phí|lệ\s+phí", _I)
_FEE_GAP_RE = re.compile(
    r"\s*(?:toàn\s+bộ\s+|tổng\s+cộng\s+|tổng\s+số\s+(?:tiền\s+)?|số\s+tiền\s+)?(?:là\s*)?:?\s*"
    r"|\s*(?:toàn\s+bộ\s+)?(?:tiền\s+)?(?:án\s+phí|lệ\s+phí)[^\d;]{0,90}?(?:là|:|với\s+số\s+tiền|số\s+tiền)?\s*",
    _I,
)
_ADVANCE_RE = re.compile(r"\b(?:được\s+)?(?:khấu\s+)?trừ\s+(?:vào\s+)?|chuyển\s+thành\s+án\s+phí", _I)
_ADVANCE_STOP_RE = re.compile(r"còn\s+phải|[Hh]oàn\s+trả|nhận\s+lại|\.\s", _I)
_REFUND_TO_RE = re.compile(
    r"(?P<pre>\b(?:phải|có\s+nghĩa\s+vụ|liên\s+đới)\s+)?\b(?:hoàn\s+trả|trả\s+lại|hoàn\s+lại)(?:\s+lại)?\s+cho\s+",
    _I,
)
_REFUND_GET_RE = re.compile(r"\bđược\s+(?:nhận\s+lại|hoàn\s+trả(?:\s+lại)?|trả\s+lại|hoàn\s+lại)\b", _I)

# Criminal: fines, confiscation, exhibits returned.
_FINE_RE = re.compile(r"\b(?:phạt\s+tiền|phạt\s+bổ\s+sung|xử\s+phạt|phạt(?=\s+bị\s+cáo))\s+", _I)
_CONFISCATE_RE = re.compile(
    r"^\s*(?:[-–+]\s*)?(?:Tịch\s+thu|Truy\s+thu|Truy\s+nộp|Sung\s+(?:quỹ|công))"
    r"(?:\s*,?\s+(?:và\s+)?(?:tiêu\s+hủy|tiêu\s+huỷ|để\s+tiêu\s+hủy|sung\s+(?:vào\s+)?(?:quỹ|ngân\s+sách|công\s+quỹ)"
    r"(?:\s+(?:Nhà\s+nước|nhà\s+nước))?|nộp\s+(?:vào\s+)?ngân\s+sách(?:\s+(?:Nhà\s+nước|nhà\s+nước))?|"
    r"(?:Nhà\s+nước|nhà\s+nước)))*\s*:?\s*",
    _I,
)
_RETURN_RE = re.compile(r"^\s*(?:[-–+]\s*)?(?:Trả\s+lại|Hoàn\s+trả|Trả|Giao\s+trả)\s+(?:lại\s+)?cho\s+", _I)
_CUSTODY_RE = re.compile(r"\bGiao\s+(?:cháu|con|các\s+cháu|các\s+con)\b[^.;]*?\bcho\s+", _I)
_ALLOC_RE = re.compile(
    r"\b(?:được\s+)?(?:quyền\s+)?(?:sở\s+hữu|sử\s+dụng)\b(?!\s+đất\s+(?:và|,))|\bđược\s+nhận\b", _I
)
_ALLOC_HEAD_RE = re.compile(
    r"^\s*(?:[-–+]\s*)?Giao\s+cho\s+|\bđược\s+(?:quyền\s+)?(?:sở\s+hữu|sử\s+dụng|nhận)\b", _I
)

# Security: the creditor may have the collateral sold; assets held to secure enforcement.
_SEC_REQ_RE = re.compile(
    r"(?:có|được)\s+quyền\s+(?:yêu\s+cầu|đề\s+nghị)[^.]*?(?P<act>(?:(?:kê\s+biên|xử\s+lý|phát\s+mại|phát\s+mãi|bán\s+đấu\s+giá)"
    r"(?:\s*,\s*|\s+và\s+|\s+)?)+)",
    _I,
)
_SEC_OBJ_LEAD_RE = re.compile(
    r"^\s*(?:các\s+)?(?:tài\s+sản\s+(?:bảo\s+đảm|thế\s+chấp|cầm\s+cố)\s*(?:sau\s+đây|sau|như\s+sau|gồm|là)?"
    r"|sau\s+đây|như\s+sau)?\s*:?\s*",
    _I,
)
_SEC_CUT_RE = re.compile(
    r"\s*,?\s+(?:để\s+(?:thu\s+hồi|thi\s+hành|bảo\s+đảm|đảm\s+bảo|trả\s+nợ)|,\s*gồm\s*:)", _I
)
_SEC_HOLD_RE = re.compile(
    r"(?:(?:duy\s+trì|giữ\s+nguyên)\s+(?:Lệnh|Quyết\s+định)\s+(?:kê\s+biên|phong\s+tỏa|tạm\s+giữ)[^.]*?\bđối\s+với\s+"
    r"|\btạm\s+giữ\s+|\bdùng\s+)",
    _I,
)
_SEC_TO_RE = re.compile(r"\s*,?\s*(?:để|nhằm)\s+(?:bảo\s+đảm|đảm\s+bảo)\b", _I)
_SEC_USED_RE = re.compile(r"(?:tiếp\s+tục\s+)?được\s+dùng\s+để\s+(?:bảo\s+đảm|đảm\s+bảo)", _I)
_REF_RE = re.compile(r"\bnêu\s+(?:trên|tại)\b|\btrên\s+đây\b", _I)
_OWNER_RE = re.compile(
    r"(?P<a>mang\s+tên(?:\s+hộ)?|thuộc\s+(?:quyền\s+)?sở\s+hữu(?:\s+của)?|đứng\s+tên(?:\s+hộ)?|thu\s+giữ\s+của|"
    r"cấp(?:\s+ngày\s+[\d/.\-]+)?\s+cho(?:\s+hộ)?)\s+",
    _I,
)
_OWNER_END_RE = re.compile(r",\s*(?:theo|số\s+khung|để|do)\b|\s+theo\s|\s+để\s|;|\(|\.\s|\.$", _I)

_COMP_KEYS: tuple[tuple[str, str], ...] = (
    (r"phạt", "penalty"),
    (r"lãi\s+trong\s+hạn", "interest_in_term"),
    (r"lãi\s+quá\s+hạn|lãi\s+chậm\s+(?:trả|thanh\s+toán)", "interest_overdue"),
    (r"đặt\s+cọc|đối\s+trừ", "deposit_offset"),
    (r"tiền\s+thuê|thuê", "rent"),
    (r"tiền\s+sử\s+dụng", "use_fee"),
    (r"lương\s+chưa\s+trả|lương\s+còn\s+nợ", "unpaid_wages"),
    (r"không\s+báo\s+trước", "notice_pay"),
    (r"không\s+được\s+làm\s+việc", "wages_days_not_working"),
    (r"tháng\s+tiền\s+lương", "two_months_wages"),
    (r"trợ\s+cấp\s+thôi\s+việc", "severance"),
    (r"trợ\s+cấp\s+mất\s+việc", "job_loss_allowance"),
    (r"công\s+ty\s+đóng|người\s+sử\s+dụng\s+lao\s+động\s+đóng", "employer_share"),
    (r"người\s+lao\s+động\s+đóng", "employee_share"),
    (r"điều\s+trị|viện\s+phí|thuốc", "medical_costs"),
    (r"chăm\s+sóc", "care_costs"),
    (r"thu\s+nhập", "lost_income"),
    (r"tinh\s+thần", "mental_damage"),
    (r"mai\s+táng", "funeral_costs"),
    (r"cấp\s+dưỡng", "support_lump_sum"),
    (r"thiệt\s+hại|hư\s+hỏng", "property_damage"),
    (r"gốc|tiền\s+hàng|tiền\s+mua|còn\s+nợ|nợ\b", "principal"),
    (r"lãi", "interest"),
)
_FEE_COMP_KEYS: tuple[tuple[str, str], ...] = (
    (r"ly\s+hôn|hôn\s+nhân", "divorce_fee"),
    (r"cấp\s+dưỡng", "support_fee"),
    (r"phản\s+tố", "counterclaim_fee"),
    (r"yêu\s+cầu\s+độc\s+lập", "independent_claim_fee"),
    (r"trả\s+nợ|nghĩa\s+vụ", "debt_fee"),
    (r"tài\s+sản", "property_fee"),
    (r"hình\s+sự", "criminal_fee"),
    (r"yêu\s+cầu|khởi\s+kiện", "claim_fee"),
)


# -- drafts -----------------------------------------------------------------------------------------
@dataclass
class Draft:
    kind: str
    span: tuple[int, int]
    item: str
    obligors: list[str] = field(default_factory=list)
    obligees: list[str] = field(default_factory=list)
    joint: bool = False
    amount: AmountMatch | None = None
    amount_vnd: int | None = None
    components: dict[str, int] = field(default_factory=dict)
    comp_spans: dict[str, tuple[int, int]] = field(default_factory=dict)
    late_interest: bool = False
    li_span: tuple[int, int] | None = None
    secured_by: list[int] = field(default_factory=list)
    sec_spans: dict[int, tuple[tuple[int, int], float]] = field(default_factory=dict)
    extra: dict = field(default_factory=dict)
    party_spans: dict[str, tuple[int, int]] = field(default_factory=dict)
    conf: float = 0.85
    party_conf: float = 0.85

    @property
    def enforcement(self) -> str:
        state = STATE in self.obligors or STATE in self.obligees
        return (
            "ex_officio"
            if state or self.kind in ("court_fee", "fine", "confiscation", "refund")
            else "on_request"
        )


@dataclass
class AssetDraft:
    f: A.AssetFields
    base: int
    span: tuple[int, int]
    owners: list[str]
    owner_spans: dict[str, tuple[int, int]]
    items: set[str]
    contexts: set[str]
    conf: float
    owner_conf: float


@dataclass
class _Statement:
    """A late-interest or security clause, applied to the orders it names once all are read."""

    kind: str  # "li_contract", "li_statute", "security"
    span: tuple[int, int]
    item: str
    items: list[str] = field(default_factory=list)  # "mục 2.1"
    amounts: list[int] = field(default_factory=list)
    obligors: list[str] = field(default_factory=list)
    obligees: list[str] = field(default_factory=list)
    assets: list[int] = field(default_factory=list)
    this_item: bool = False
    pos: int = 0


def _shift(a: AmountMatch, off: int) -> AmountMatch:
    ws = (a.words_span[0] + off, a.words_span[1] + off) if a.words_span else None
    return dataclasses.replace(a, start=a.start + off, end=a.end + off, words_span=ws)


_DONG_TIEN_RE = re.compile(r"(?<![\w/.,])(?P<n>\d{1,3}(?:\.\d{3})+)\s*(?:đồng|đ)(?=\s+tiền\b)")


def _amounts(text: str, start: int, end: int) -> list[AmountMatch]:
    """Amounts of text[start:end] (absolute offsets). "300.000 đồng tiền tạm ứng án phí" is money
    too, though "đồng tiền" alone is not a unit: add those the shared finder leaves out."""
    found = [_shift(a, start) for a in find_amounts(text[start:end])]
    have = {a.start for a in found}
    for m in _DONG_TIEN_RE.finditer(text, start, end):
        if m.start() not in have:
            value = int(m.group("n").replace(".", ""))
            found.append(AmountMatch(m.start(), m.end(), value))
    return sorted(found, key=lambda a: a.start)


def _key(label: str, table: tuple[tuple[str, str], ...]) -> str | None:
    for pattern, key in table:
        if re.search(pattern, label, _I):
            return key
    return None


def _fold_id(s: str | None) -> str:
    return re.sub(r"[\s.\-/–]", "", (s or "").upper())


class Reader:
    """Reads the clauses of one operative part into obligation and asset drafts."""

    def __init__(
        self, text: str, start: int, end: int, clauses: list[Clause], parties: list[Party], resolver: object
    ) -> None:
        self.text, self.s, self.e = text, start, end
        self.clauses = clauses
        self.parties = parties
        self.by_id = {p.id: p for p in parties}
        self.resolver = resolver
        self.mentions = self._find_mentions()
        self.amounts = _amounts(text, start, end)
        self.obs: list[Draft] = []
        self.assets: list[AssetDraft] = []
        self.known: list[A.AssetFields] = []
        self.statements: list[_Statement] = []
        self.custodians: list[str] = []
        self.consumed: set[int] = set()
        self.parent: tuple[Draft, Clause] | None = None

    # -- parties ----------------------------------------------------------------------------------
    def _find_mentions(self) -> list[tuple[int, int, str]]:
        if "\n" in self.text[self.s : self.e] and getattr(self.resolver, "text", None) == self.text:
            # A name wrapped over two lines is still one mention: match on a copy with line breaks
            # as spaces (same length, so spans are unchanged).
            try:
                self.resolver = type(self.resolver)(self.parties, self.text.replace("\n", " "))
            except Exception:  # noqa: BLE001 - keep the given resolver
                pass
        fm = getattr(self.resolver, "find_mentions", None)
        if fm is None:
            try:
                from docproc.extract.parties import PartyResolver

                self.resolver = PartyResolver(self.parties, self.text)
                fm = self.resolver.find_mentions
            except Exception:  # noqa: BLE001 - no resolver: no mentions
                return []
        try:
            found = list(fm(self.s, self.e))
        except Exception:  # noqa: BLE001
            return []
        # "bị cáo Phượng", "bị hại Sang": a role word with a given name names one party.
        resolve = getattr(self.resolver, "resolve", None)
        if resolve is not None:
            rx = re.compile(
                r"\b(?:bị\s+cáo|bị\s+hại|bị\s+đơn|nguyên\s+đơn|người\s+bị\s+hại)\s+"
                r"(?P<n>[A-ZĐÀ-Ỹ][^\s,.;:()]*(?:\s+[A-ZĐÀ-Ỹ][^\s,.;:()]*){0,4})"
            )
            for m in rx.finditer(self.text, self.s, self.e):
                pid = None
                name = m.group("n").split()
                for k in range(len(name), 0, -1):  # longest prefix that names one party
                    pid = resolve(m.group(0)[: m.start("n") - m.start()] + " ".join(name[:k]))
                    if pid:
                        end = m.start("n") + len(" ".join(name[:k]))
                        break
                if pid:
                    found = [t for t in found if t[1] <= m.start() or t[0] >= end]
                    found.append((m.start(), end, pid))
        found.sort()
        return found

    def pids_in(self, a: int, b: int, *, parens: bool = False) -> list[tuple[str, tuple[int, int]]]:
        """Parties mentioned in text[a:b], in order, once each (mentions in parentheses skipped)."""
        out: list[tuple[str, tuple[int, int]]] = []
        seen: set[str] = set()
        for ms, me, pid in self.mentions:
            if ms < a or me > b:
                continue
            if not parens:
                seg = self.text[a:ms]
                if seg.count("(") > seg.count(")"):
                    continue
            if pid not in seen:
                seen.add(pid)
                out.append((pid, (ms, me)))
        return out

    def _group_after(self, pos: int, limit: int) -> tuple[list[tuple[str, tuple[int, int]]], int]:
        """The run of party mentions right after `pos` ("cho ông A và bà B (…) ..."): ids and the end."""
        out: list[tuple[str, tuple[int, int]]] = []
        cur = pos
        for ms, me, pid in self.mentions:
            if ms < cur or ms >= limit:
                continue
            gap = self.text[cur:ms]
            gap_clean = re.sub(r"\([^()]*\)", "", gap)
            if not re.fullmatch(
                r"\s*(?:(?:,|và|cùng|hoặc)\s*)?(?:(?:các|hai)\s+)?(?:(?:ông|bà|anh|chị)\s+)?", gap_clean
            ):
                break
            if pid not in [p for p, _ in out]:
                out.append((pid, (ms, me)))
            cur = me
            # a closing parenthetical right after the name belongs to it
            m = re.match(r"\s*\([^()]*\)", self.text[cur:limit])
            if m:
                cur += m.end()
        return out, cur

    def accused(self) -> list[str]:
        return [p.id for p in self.parties if p.role == "accused"]

    # -- amounts ----------------------------------------------------------------------------------
    def amounts_in(self, a: int, b: int) -> list[AmountMatch]:
        return [m for m in self.amounts if a <= m.start and m.end <= b]

    def _after_amount(self, am: AmountMatch) -> int:
        """End of an amount including its words in parentheses."""
        if am.words_span:
            close = self.text.find(")", am.words_span[1])
            return close + 1 if close >= 0 else am.words_span[1]
        return am.end

    # -- the walk ---------------------------------------------------------------------------------
    def run(self) -> None:
        for i, c in enumerate(self.clauses):
            if i in self.consumed or c.legal or c.closing or c.topic == "appeal":
                continue
            self.clause(i, c)
        self._apply_statements()

    def clause(self, i: int, c: Clause) -> None:
        t = self.text[c.start : c.end]
        head = _HEAD_PREFIX_RE.match(t)
        if head and head.end() < len(t):  # "3. Về xử lý vật chứng: Tịch thu ...": read what follows
            c = dataclasses.replace(c, start=c.start + head.end())
            t = t[head.end() :]
        if _XAC_DINH_RE.match(t):
            self._describe_only(c)
            return
        if self._late_interest(c, t):
            return
        if self._instalment(c, t):
            return
        if self._security(i, c, t):
            return
        if self._fines(c, t):
            return
        start = c.start
        if _NEG_START_RE.match(t):
            m = _LATER_BUOC_RE.search(t)
            if m:
                start = c.start + m.end()
            elif not _AGREED_RE.match(t):
                return
        if c.topic == "fee" or _FEE_WORD_RE.search(t):
            found = self._fees(c, start)
            found = self._refunds(c, start) or found
            if found or c.topic == "fee":
                return
        if self._confiscation(i, c, t):
            return
        if self._state_return(c, t):
            return
        self._custody(c, t)
        if self._allocation(c, start):
            return
        self._orders(i, c, start)

    # -- statements that describe, not order --------------------------------------------------------
    def _describe_only(self, c: Clause) -> None:
        m = re.search(r"\b(?:là|gồm)\b\s*:?", self.text[c.start : c.end], _I)
        a = c.start + (m.end() if m else 0)
        for cs, ce in A.split_assets(self.text[a : c.end], a):
            f = A.read_asset(self.text[cs:ce])
            if f is not None and f.identified:
                self.known.append(f)

    # -- late interest ----------------------------------------------------------------------------
    def _late_interest(self, c: Clause, t: str) -> bool:
        if re.match(r"\s*(?:[-–+]\s*)?Buộc\b", t, _I):
            return False
        if _LI_CONTRACT_RE.search(t):
            kind = "li_contract"
        elif _LI_STAT_RE.search(t) and _LI_KEYS_RE.search(t):
            kind = "li_statute"
        else:
            return False
        st = _Statement(kind, (c.start, c.end), c.item, pos=c.start)
        st.items = _MUC_RE.findall(t)
        st.this_item = bool(_MUC_THIS_RE.search(t))
        st.amounts = [a.value for a in self.amounts_in(c.start, c.end)]
        m = re.search(r"\bnếu\b", t, _I)
        a = c.start + m.end() if m else c.start
        li = _LI_CONTRACT_RE.search(t) or _LI_STAT_RE.search(t)
        b = c.start + li.start() if li else c.end
        pids = []
        for pid, (_ms, me) in self.pids_in(a, b):
            if re.match(r"\s*(?:,\s*\S+\s+\S+\s*)*có\s+đơn", self.text[me : me + 40], _I):
                continue  # "Kể từ ngày bà X có đơn yêu cầu": the creditor, not the debtor
            pids.append(pid)
        st.obligors = pids
        self.statements.append(st)
        return True

    # -- instalments ------------------------------------------------------------------------------
    def _instalment(self, c: Clause, t: str) -> bool:
        if not _INSTAL_RE.match(t):
            return False
        ams = self.amounts_in(c.start, c.end)
        target = next(
            (d for d in reversed(self.obs) if d.kind == "pay_money" and "period" not in d.extra), None
        )
        if ams and target is not None:
            dates = find_dates(t)
            inst = {"amount_vnd": ams[0].value}
            if dates:
                inst["due_date"] = dates[-1].value.isoformat()
            target.extra.setdefault("instalments", []).append(inst)
        return True

    # -- security ---------------------------------------------------------------------------------
    def _security(self, i: int, c: Clause, t: str) -> bool:
        m = _SEC_REQ_RE.search(t)
        if m:
            return self._security_request(i, c, t, m)
        used = _SEC_USED_RE.search(t)
        hold = _SEC_HOLD_RE.search(t)
        if used or (hold and _SEC_TO_RE.search(t, hold.end())):
            if used:
                a, b = c.start, c.start + used.start()
                tail = c.start + used.end()
            else:
                to = _SEC_TO_RE.search(t, hold.end())
                a, b = c.start + hold.end(), c.start + to.start()
                tail = c.start + to.end()
            if _NEG_START_RE.match(t) and not hold:
                return False
            st = _Statement("security", (c.start, c.end), c.item, pos=c.start)
            tail_text = self.text[tail : c.end]
            st.items = _MUC_RE.findall(tail_text)
            m_of = re.search(r"\bcủa\s+", tail_text, _I)
            m_to = re.search(r"\bcho\s+", tail_text, _I)
            if m_of:
                end_of = tail + (m_to.start() if m_to and m_to.start() > m_of.end() else len(tail_text))
                st.obligors = [p for p, _ in self.pids_in(tail + m_of.end(), end_of)]
            if m_to:
                st.obligees = [p for p, _ in self.pids_in(tail + m_to.end(), c.end)]
            st.assets = self._assets_from(a, b, "security", c.item, default_kind="other" if hold else None)
            for k in st.assets:  # "... tiếp tục được dùng để bảo đảm ... theo Hợp đồng thế chấp số X"
                f = A.read_asset(self.text[tail : c.end], default_kind="other")
                ad = self.assets[k]
                if f and f.security_contract and not ad.f.security_contract:
                    ad.f.security_contract = f.security_contract
                    s0, e0 = f.spans["security_contract"]
                    ad.f.spans["security_contract_abs"] = (tail + s0, tail + e0)
            self.statements.append(st)
            return True
        return False

    def _security_request(self, i: int, c: Clause, t: str, m: re.Match[str]) -> bool:
        if _NEG_START_RE.match(t):
            return False
        st = _Statement("security", (c.start, c.end), c.item, pos=c.start)
        pre_end = c.start + m.start()
        pre = self.text[c.start : pre_end]
        st.items = _MUC_RE.findall(pre)
        thi = max(pre.rfind(" thì "), pre.rfind(","))
        split = c.start + thi if thi >= 0 else c.start
        st.obligees = [p for p, _ in self.pids_in(split, pre_end)]
        st.obligors = [p for p, _ in self.pids_in(c.start, split) if p not in st.obligees]
        obj_start = c.start + m.end()
        lead = _SEC_OBJ_LEAD_RE.match(self.text, obj_start, c.end)
        if lead:
            obj_start = lead.end()
        cut = _SEC_CUT_RE.search(self.text, obj_start, c.end)
        obj_end = cut.start() if cut else c.end
        region = self.text[obj_start:obj_end].strip(" ,.:;")
        found: list[int] = []
        if region:
            found = self._assets_from(obj_start, obj_end, "security", c.item)
        if not found and t.rstrip().endswith(":") or (not region and not found):
            found += self._asset_list(i, c, "security")
        st.assets = found
        self.statements.append(st)
        return True

    def _asset_list(self, i: int, c: Clause, context: str, default_kind: str | None = None) -> list[int]:
        """Assets listed on the lines after clause i ("a) ...", "- ...", "2.1. ..."), consumed."""
        found: list[int] = []
        line = c.line
        for j in range(i + 1, len(self.clauses)):
            cj = self.clauses[j]
            child = cj.item != c.item and in_item(cj.item, c.item)
            listed = cj.marker in ("dash", "let") or child
            if cj.line != line and not listed and cj.marker != "":
                break
            if cj.line != line and cj.marker == "" and not child:
                # a further sentence of the same line is fine; a new unmarked line ends the list
                if self.clauses[j - 1].line != cj.line:
                    break
            if cj.line == line:
                continue
            first_of_line = self.clauses[j - 1].line != cj.line
            self.consumed.add(j)
            if first_of_line:
                found += self._assets_from(cj.start, cj.end, context, cj.item, default_kind=default_kind)
        return found

    # -- assets -----------------------------------------------------------------------------------
    def _owners(self, a: int, b: int) -> list[tuple[str, tuple[int, int]]]:
        out: list[tuple[str, tuple[int, int]]] = []
        for m in _OWNER_RE.finditer(self.text, a, b):
            e = _OWNER_END_RE.search(self.text, m.end(), b)
            end = e.start() if e else b
            for pid, sp in self.pids_in(m.end(), end):
                if pid not in [p for p, _ in out]:
                    out.append((pid, sp))
        return out

    def _assets_from(
        self,
        a: int,
        b: int,
        context: str,
        item: str,
        *,
        default_owners: list[tuple[str, tuple[int, int]]] | None = None,
        default_kind: str | None = None,
        owner_conf: float = 0.8,
        owners_win: bool = False,
    ) -> list[int]:
        """Assets described in text[a:b] (added or merged), as indices into self.assets."""
        region = self.text[a:b]
        chunks = A.split_assets(region, a)
        out: list[int] = []
        fresh: list[int] = []
        for cs, ce in chunks:
            chunk = self.text[cs:ce]
            f = A.read_asset(chunk, default_kind=default_kind)
            if f is None:
                continue
            if (
                re.match(r"\s*(?:bản\s+chính|giấy\s+(?:chứng\s+nhận|tờ))", chunk, _I)
                and context != "evidence"
            ):
                continue
            if not f.identified and _REF_RE.search(chunk):
                out += self._refer(chunk, item)
                continue
            explicit = self._owners(cs, ce)
            if owners_win and default_owners:
                owners, oconf = default_owners, owner_conf
            elif explicit:
                owners, oconf = explicit, 0.85
            else:
                owners, oconf = (default_owners or []), owner_conf
            if not f.certificate and f.plot_number:
                self._inherit_certificate(f)
            if not owners and f.plot_number:  # a house "trên thửa đất số 245 nêu trên": the land's owners
                land = next(
                    (
                        d
                        for d in self.assets
                        if d.owners
                        and d.f.plot_number == f.plot_number
                        and (d.f.map_sheet or None) == (f.map_sheet or None)
                    ),
                    None,
                )
                if land is not None:
                    owners = [(p, land.owner_spans.get(p, land.span)) for p in land.owners]
                    oconf = 0.6
            idx = self._merge(f, cs, ce, owners, oconf, item, context)
            out.append(idx)
            fresh.append(idx)
        # Siblings of one list share what the last one states ("... và 01 xe ..., thuộc sở hữu của X,
        # theo Hợp đồng thế chấp số ...").
        if len(fresh) > 1:
            last = self.assets[fresh[-1]]
            for k in fresh[:-1]:
                d = self.assets[k]
                if not d.owners and last.owners:
                    d.owners, d.owner_spans, d.owner_conf = list(last.owners), dict(last.owner_spans), 0.7
                if not d.f.security_contract and last.f.security_contract:
                    d.f.security_contract = last.f.security_contract
                    if "security_contract" in last.f.spans:
                        d.f.spans["security_contract_abs"] = (
                            last.base + last.f.spans["security_contract"][0],
                            last.base + last.f.spans["security_contract"][1],
                        )
        return list(dict.fromkeys(out))

    def _refer(self, chunk: str, item: str) -> list[int]:
        refs = _MUC_RE.findall(chunk)
        if refs:
            return [
                k for k, d in enumerate(self.assets) if any(in_item(it, r) for it in d.items for r in refs)
            ]
        top = item.split(".")[0]
        same = [k for k, d in enumerate(self.assets) if any(in_item(it, top) for it in d.items)]
        return same or ([len(self.assets) - 1] if self.assets else [])

    def _inherit_certificate(self, f: A.AssetFields) -> None:
        for g in self.known + [d.f for d in self.assets]:
            if (
                g.certificate
                and g.kind == f.kind
                and g.plot_number == f.plot_number
                and (g.map_sheet or None) == (f.map_sheet or None)
            ):
                f.certificate = g.certificate
                return

    def _same(self, d: AssetDraft, f: A.AssetFields) -> bool:
        g = d.f
        if f.plate and g.plate:
            return _fold_id(f.plate) == _fold_id(g.plate)
        if f.kind != g.kind or (f.part or None) != (g.part or None):
            return False
        if f.plot_number and g.plot_number:
            return f.plot_number == g.plot_number and (f.map_sheet or g.map_sheet) in (None, g.map_sheet)
        if f.certificate and g.certificate:
            return _fold_id(f.certificate) == _fold_id(g.certificate)
        return False

    def _merge(
        self,
        f: A.AssetFields,
        cs: int,
        ce: int,
        owners: list[tuple[str, tuple[int, int]]],
        oconf: float,
        item: str,
        context: str,
    ) -> int:
        for k, d in enumerate(self.assets):
            if self._same(d, f):
                for name in (
                    "plot_number",
                    "map_sheet",
                    "area_m2",
                    "address",
                    "certificate",
                    "plate",
                    "security_contract",
                ):
                    if getattr(d.f, name) is None and getattr(f, name) is not None:
                        setattr(d.f, name, getattr(f, name))
                        if name in f.spans:
                            s0, e0 = f.spans[name]
                            d.f.spans[name + "_abs"] = (cs + s0, cs + e0)
                if not d.owners and owners:
                    d.owners = [p for p, _ in owners]
                    d.owner_spans = dict((p, sp) for p, sp in owners)
                    d.owner_conf = oconf
                d.items.add(item)
                d.contexts.add(context)
                return k
        conf = 0.9 if f.identified else 0.7
        self.assets.append(
            AssetDraft(
                f=f,
                base=cs,
                span=(cs, ce),
                owners=[p for p, _ in owners],
                owner_spans=dict((p, sp) for p, sp in owners),
                items={item},
                contexts={context},
                conf=conf,
                owner_conf=oconf,
            )
        )
        return len(self.assets) - 1

    # -- fines --------------------------------------------------------------------------------------
    def _fines(self, c: Clause, t: str) -> bool:
        found = False
        for m in _FINE_RE.finditer(t):
            a = c.start + m.end()
            nxt = t.find(";", m.end())
            lim = c.start + (nxt if nxt >= 0 else len(t))
            ams = [x for x in self.amounts_in(a, lim) if x.start - a < 160]
            if not ams or re.search(r"\btù\b", self.text[a : ams[0].start], _I):
                continue
            who = self.pids_in(a, ams[0].start)
            if not who:  # "Bị cáo A bị phạt tiền 20.000.000 đồng"
                who = self._subject(c.start, c.start + m.start())
            d = Draft("fine", (c.start, c.end), c.item, obligees=[STATE])
            d.obligors = [p for p, _ in who]
            d.party_spans = dict(who)
            self._set_amount(d, ams[0])
            self.obs.append(d)
            found = True
        return found

    # -- fees and refunds -----------------------------------------------------------------------------
    def _subject(self, a: int, b: int) -> list[tuple[str, tuple[int, int]]]:
        seg = self.text[a:b]
        cut = max((m.end() for m in re.finditer(r"[:;]|\bthì\b|\.\s", seg, _I)), default=0)
        return self.pids_in(a + cut, b)

    def _fees(self, c: Clause, start: int) -> bool:
        t = self.text[start : c.end]
        found = False
        last_end = start
        for m in _CHIU_RE.finditer(t):
            if m.group("neg"):
                continue
            ce = start + m.end()
            if ce < last_end:
                continue
            am = next(
                (x for x in self.amounts_in(ce, c.end) if _FEE_GAP_RE.fullmatch(self.text[ce : x.start])),
                None,
            )
            if am is None:
                continue
            gap = self.text[ce : am.start]
            after = self.text[self._after_amount(am) : min(c.end, self._after_amount(am) + 70)]
            after = re.split(r"[;]|\.\s", after)[0]
            if re.match(r"\s*(?:tiền\s+)?chi\s+phí", after, _I):
                continue
            if not (c.topic == "fee" or _FEE_WORD_RE.search(gap) or _FEE_WORD_RE.search(after)):
                continue
            subj = self._subject(start, start + m.start())
            if not subj:
                continue
            joint = bool(m.group("joint"))
            each = bool(_EACH_RE.search(self.text[start : am.start]))
            clause_rest_end = self._fee_end(am, c.end)
            fees = self._fee_amounts(am, clause_rest_end)
            for fam, comps, _ in fees:
                adv = self._advance(fam, c.end)
                groups = [[p] for p, _ in subj] if each else [[p for p, _ in subj]]
                for g in groups:
                    d = Draft("court_fee", (c.start, c.end), c.item, obligors=g, obligees=[STATE])
                    d.joint = joint and len(g) > 1
                    d.party_spans = {p: sp for p, sp in subj if p in g}
                    self._set_amount(d, fam)
                    for key, cam in comps:
                        d.components[key] = cam.value
                        d.comp_spans[key] = (cam.start, cam.end)
                    if adv and d.amount_vnd:
                        d.extra["advance_credited"] = min(adv, d.amount_vnd)
                    if each:
                        d.conf = 0.8
                    self.obs.append(d)
                    found = True
            last_end = clause_rest_end
        return found

    def _fee_end(self, am: AmountMatch, end: int) -> int:
        m = _ADVANCE_RE.search(self.text, self._after_amount(am), end)
        m2 = re.search(r"[;]|\.\s|[Hh]oàn\s+trả", self.text[self._after_amount(am) : end])
        stops = [
            x for x in (m.start() if m else None, self._after_amount(am) + m2.start() if m2 else None) if x
        ]
        return min(stops) if stops else end

    def _fee_amounts(
        self, first: AmountMatch, end: int
    ) -> list[tuple[AmountMatch, list[tuple[str, AmountMatch]], tuple[int, int] | None]]:
        """The fees ordered from `first` on: one fee with parts (", gồm ...", "tổng cộng ..."), or a
        chain of separate fees ("200.000 đồng án phí hình sự sơ thẩm và 470.000 đồng án phí dân sự")."""
        later = self.amounts_in(first.end, end)
        total = None
        for x in later:
            if _TOTAL_RE.search(self.text[max(first.end, x.start - 40) : x.start]):
                total = x
                break
        if total is not None:
            parts = [first] + [x for x in later if x.start < total.start]
            return [(total, self._fee_parts(parts, end), None)]
        comp = _COMP_START_RE.search(self.text, self._after_amount(first), end)
        chain: list[AmountMatch] = [first]
        prev = first
        for x in later:
            if comp and x.start > comp.start():
                break
            gap = self.text[self._after_amount(prev) : x.start]
            if re.fullmatch(r"\s*(?:tiền\s+)?(?:án\s+phí|lệ\s+phí)[^;\d]{0,80}?\s(?:và|,)\s*", gap, _I):
                chain.append(x)
                prev = x
            else:
                break
        if len(chain) > 1:
            return [(x, [], None) for x in chain]
        parts = [x for x in later if comp and x.start > comp.start()]
        return [(first, self._fee_parts(parts, end) if parts else [], None)]

    def _fee_parts(self, parts: list[AmountMatch], end: int) -> list[tuple[str, AmountMatch]]:
        out: list[tuple[str, AmountMatch]] = []
        keys: set[str] = set()
        for k, x in enumerate(parts):
            nxt = parts[k + 1].start if k + 1 < len(parts) else end
            label = self.text[self._after_amount(x) : min(nxt, self._after_amount(x) + 90)]
            key = _key(label, _FEE_COMP_KEYS) or "fee"
            while key in keys:
                key += "_2"
            keys.add(key)
            out.append((key, x))
        return out

    def _advance(self, fee: AmountMatch, end: int) -> int | None:
        m = _ADVANCE_RE.search(self.text, self._after_amount(fee), end)
        if not m:
            return None
        stop = _ADVANCE_STOP_RE.search(self.text, m.end(), end)
        ams = self.amounts_in(m.end(), stop.start() if stop else end)
        if not ams:
            # "Chị L đã nộp 300.000 đồng ... được chuyển thành án phí": the amounts before
            before = self.text.rfind("đã nộp", fee.end, m.start())
            ams = self.amounts_in(before, m.start()) if before >= 0 else []
        return sum(x.value for x in ams) or None

    def _refunds(self, c: Clause, start: int) -> bool:
        t = self.text[start : c.end]
        if not (c.topic == "fee" or re.search(r"tạm\s+ứng", t, _I)):
            return False
        found = False
        for m in _REFUND_TO_RE.finditer(t):
            if m.group("pre"):
                continue
            to = start + m.end()
            who, after = self._group_after(to, c.end)
            ams = self.amounts_in(after, c.end)
            if not ams or not who:
                continue
            self._add_refund(c, who, ams[0])
            found = True
        for m in _REFUND_GET_RE.finditer(t):
            ams = self.amounts_in(start + m.end(), c.end)
            who = self._subject(start, start + m.start())
            if not ams or not who:
                continue
            self._add_refund(c, who, ams[0])
            found = True
        return found

    def _add_refund(self, c: Clause, who: list[tuple[str, tuple[int, int]]], am: AmountMatch) -> None:
        d = Draft("refund", (c.start, c.end), c.item, obligors=[STATE], obligees=[p for p, _ in who])
        d.party_spans = dict(who)
        self._set_amount(d, am)
        self.obs.append(d)

    # -- criminal exhibits ------------------------------------------------------------------------------
    def _confiscation(self, i: int, c: Clause, t: str) -> bool:
        m = _CONFISCATE_RE.match(t)
        if not m:
            return False
        a = c.start + m.end()
        region = self.text[a : c.end]
        d = Draft("confiscation", (c.start, c.end), c.item, obligees=[STATE])
        ams = self.amounts_in(a, c.end)
        owners = self._owners(a, c.end)
        if ams and re.match(r"\s*(?:số\s+tiền|tiền)", region, _I):
            self._set_amount(d, ams[0])
            who = owners or self.pids_in(a, c.end)
        else:
            kind = None if re.search(r"\bxe\b|biển\s+(?:số|kiểm\s+soát)", region, _I) else "other"
            if region.strip(" :"):
                idx = self._assets_from(a, c.end, "evidence", c.item, default_kind=kind or "other")
            else:
                idx = self._asset_list(i, c, "evidence", default_kind="other")
            who = owners
            if not who:
                acc = self.accused()
                found: list[str] = []
                for k in idx:
                    ad = self.assets[k]
                    if not ad.owners:
                        story = self._narrative_owner(ad.f.description)
                        ad.owners, ad.owner_conf = ([story], 0.5) if story else (list(acc), 0.4)
                    found += [p for p in ad.owners if p not in found]
                who = [(p, (c.start, c.end)) for p in (found or acc)]
                d.party_conf = 0.5 if found else 0.4
            d.extra["assets_confiscated"] = idx
        d.obligors = [p for p, _ in who]
        d.party_spans = {p: sp for p, sp in who if sp != (c.start, c.end)}
        self.obs.append(d)
        return True

    def _narrative_owner(self, description: str) -> str | None:
        """Who the facts say had an exhibit: "T lấy 01 con dao ..., còn P lấy 01 đoạn tuýp sắt" →
        the knife is T's. Only an accused named as the subject of a taking verb counts."""
        words = re.sub(r"^\s*\d{1,3}\s*(?:\([^)]*\)\s*)?", "", description).split()
        if len(words) < 2:
            return None
        key = r"\s+".join(re.escape(w) for w in words[:2])
        names: list[tuple[str, str]] = []
        for p in self.parties:
            if p.role == "accused":
                toks = p.name.split()
                names += [(p.id, r"\s+".join(map(re.escape, toks))), (p.id, re.escape(toks[-1]))]
        story = self.text[: self.s]
        for m in re.finditer(key, story, _I):
            lo = max(
                story.rfind(".", 0, m.start()),
                story.rfind(";", 0, m.start()),
                story.rfind(", còn", 0, m.start()),
                story.rfind(", rồi", 0, m.start()),
            )
            seg = story[lo + 1 : m.start()]
            verb = re.search(
                r"\b(?:mang\s+theo|mang|lấy|dùng|cầm|sử\s+dụng|chuẩn\s+bị|mua|cất\s+giấu)\b", seg, _I
            )
            if not verb:
                continue
            who = [pid for pid, n in names if re.search(rf"(?<!\w){n}(?!\w)", seg[: verb.start()])]
            if len(set(who)) == 1:
                return who[0]
        return None

    def _state_return(self, c: Clause, t: str) -> bool:
        m = _RETURN_RE.match(t)
        if not m or re.search(r"tạm\s+ứng", t, _I):
            return False
        who, after = self._group_after(c.start + m.end(), c.end)
        if not who:
            return False
        stop = re.search(r",?\s+nhưng\b", self.text[after : c.end], _I)
        end = after + stop.start() if stop else c.end
        d = Draft("deliver_asset", (c.start, c.end), c.item, obligors=[STATE], obligees=[p for p, _ in who])
        d.party_spans = dict(who)
        idx = self._assets_from(after, end, "evidence", c.item, default_owners=who, default_kind="other")
        if idx:
            d.extra["assets_delivered"] = idx
        else:
            ams = self.amounts_in(after, end)
            if ams:
                self._set_amount(d, ams[0])
        self.obs.append(d)
        return True

    # -- families and property ------------------------------------------------------------------------
    def _custody(self, c: Clause, t: str) -> None:
        for m in _CUSTODY_RE.finditer(t):
            who, _ = self._group_after(c.start + m.end(), c.end)
            self.custodians += [p for p, _ in who]

    def _allocation(self, c: Clause, start: int) -> bool:
        t = self.text[start : c.end]
        m = _ALLOC_HEAD_RE.search(t)
        if not m:
            return False
        if m.group(0).strip().lower().startswith(("-", "–", "+", "giao")):
            who, after = self._group_after(start + m.end(), c.end)
            v = _ALLOC_RE.search(self.text, after, c.end)
            if not who or not v or v.start() - after > 20:
                return False
            region_start = v.end()
        else:
            who = self._subject(start, start + m.start())
            if not who or _ORDER_RE.search(self.text, start, start + m.start()):
                return False
            region_start = start + m.end()
        idx = self._assets_from(
            region_start, c.end, "allocation", c.item, default_owners=who, owners_win=True
        )
        return bool(idx)

    # -- orders between parties ---------------------------------------------------------------------
    def _qualifies(self, c: Clause, start: int, m: re.Match[str]) -> bool:
        if m.group("neg"):
            return False
        before = self.text[max(c.start, start + m.start() - 14) : start + m.start()]
        if re.search(r"(?:không|chưa|đã|còn|được|có\s+quyền|chậm|lãi|phạt)\s+$", before, _I):
            return False
        head = self.text[start : start + m.start()]
        if re.search(
            r"\b(?:yêu\s+cầu|đề\s+nghị|khởi\s+kiện)\b|kỷ\s+phần|chia\s+theo\s+phần|\bmỗi\s+bị\s+cáo", head, _I
        ):
            return False  # a claim recited, or the split of a joint order: not an order of its own
        if m.group("modal") or m.group("joint"):
            return True
        if _AGREED_RE.match(self.text[c.start : c.end]) and self.pids_in(start, start + m.start()):
            return True
        if re.match(r"cấp\s+dưỡng", m.group("verb"), _I) and self.pids_in(start, start + m.start()):
            return True  # "Anh A cấp dưỡng nuôi con mỗi tháng ..."
        return bool(re.search(r"\bbuộc\b", head, _I))

    def is_trigger(self, c: Clause) -> bool:
        t = self.text[c.start : c.end]
        for m in _ORDER_RE.finditer(t):
            if self._qualifies(c, c.start, m):
                return True
        return False

    def _orders(self, i: int, c: Clause, start: int) -> None:
        t = self.text[start : c.end]
        pos = 0
        while True:
            m = next((x for x in _ORDER_RE.finditer(t, pos) if self._qualifies(c, start, x)), None)
            if m is None:
                break
            vs, ve = start + m.start("verb"), start + m.end("verb")
            n_before = len(self.obs)
            end = self._order(i, c, start, m, vs, ve)
            if len(self.obs) > n_before and self.obs[-1].kind == "pay_money":
                # The rest of the sentence belongs to this order (parts, deduction, shares) unless
                # a new order starts after a semicolon: "...; buộc C trả cho D ...".
                nxt = re.search(r";\s*(?=buộc\b)", self.text[end : c.end], _I)
                if not nxt:
                    self._siblings(c, self.obs[-1], end)
                    break
                start, t, pos = end + nxt.end(), self.text[end + nxt.end() : c.end], 0
                continue
            pos = end - start
            if pos <= m.end():
                pos = m.end()

    def _order(self, i: int, c: Clause, start: int, m: re.Match[str], vs: int, ve: int) -> int:
        """One order from its verb; returns where reading may continue."""
        verb = re.sub(r"\s+", " ", m.group("verb").lower())
        seg = self.text[start:vs]
        b = max((x.end() for x in _BUOC_RE.finditer(seg)), default=0)
        subj = self.pids_in(start + b, start + m.start())
        cut = _CUT_RE.search(self.text, ve, c.end)
        limit = cut.start() if cut else c.end
        ams = self.amounts_in(ve, limit)
        if re.match(_ACT_VERBS, verb, _I) and not verb.startswith("trả lại"):
            ams = []
        if ams and re.match(r"\s*(?:lại\s+)?cho\s+\S+[^.;]{0,80}?\bbản\s+chính", self.text[ve:limit], _I):
            ams = []
        if not ams:
            return self._non_money(i, c, start, m, verb, subj, ve, limit)
        main = self._main_amount(ams)
        joint = bool(m.group("joint")) or bool(
            re.search(r"\bliên\s+đới\b", self.text[start + b : main.start], _I)
        )
        d = Draft("pay_money", (c.start, c.end), c.item, joint=joint)
        d.obligors = [p for p, _ in subj]
        d.party_spans = dict(subj)
        obligees = [x for x in self.pids_in(ve, main.start) if x[0] not in d.obligors]
        if verb in ("trả nợ thay", "trả thay") and obligees:
            debtor = obligees[0][0]
            prior = next(
                (o for o in reversed(self.obs) if o.kind == "pay_money" and debtor in o.obligors), None
            )
            if prior is not None:
                obligees = [(p, prior.party_spans.get(p, (c.start, c.end))) for p in prior.obligees]
                d.party_conf = 0.7
        if not obligees:
            mm = re.search(r"\bcho\s+", self.text[self._after_amount(main) : c.end], _I)
            if mm:
                obligees, _ = self._group_after(self._after_amount(main) + mm.end(), c.end)
        d.obligees = [p for p, _ in obligees]
        d.party_spans.update(dict(obligees))
        if not d.obligees and _STATE_FUND_RE.search(self.text[ve : c.end]):
            # "Buộc bị cáo A nộp lại 5.000.000 đồng thu lợi bất chính để sung ngân sách Nhà nước"
            d.kind, d.obligees = "confiscation", [STATE]
        self._set_amount(d, main)
        self._periodic(d, c, main)
        if verb == "cấp dưỡng" and not d.obligees:
            cands = [p for p in self.custodians if p not in d.obligors]
            if not cands:
                cands = [
                    p.id
                    for p in self.parties
                    if p.role in ("plaintiff", "defendant") and p.id not in d.obligors
                ]
            if cands:
                d.obligees = [cands[-1]]
                d.party_conf = 0.6
        if not d.obligors:
            d.party_conf = 0.4
        if main is not ams[0] and _TOTAL_RE.search(self.text[max(0, main.start - 40) : main.start]):
            # "... gồm: nợ gốc X, lãi Y; tổng cộng: Z": the parts come before the total
            cs = _COMP_START_RE.search(self.text, ve, ams[0].start)
            prev = cs.end() if cs else ve
            for x in ams:
                if x.start >= main.start:
                    break
                self._add_component(d, self.text[prev : x.start], x)
                prev = self._after_amount(x)
        elif main is ams[0]:
            self._summed_parts(d, main, ams, limit)
        self._components(d, main, c.end)
        d.extra.update(self._foreign(c.start, c.end))
        self.obs.append(d)
        if self.parent is None or d is not self.parent[0]:
            self._continuation(i, c, d)
        # Several payers each ordered the same ("mỗi người phải hoàn trả cho ông H 2.000.000 đồng").
        if _EACH_RE.search(self.text[start + b : main.start]) and len(d.obligors) > 1:
            self.obs.pop()
            for p in d.obligors:
                dd = dataclasses.replace(
                    d, obligors=[p], joint=False, components=dict(d.components), extra=dict(d.extra)
                )
                dd.party_spans = {k: v for k, v in d.party_spans.items() if k == p or k in d.obligees}
                self.obs.append(dd)
        return self._after_amount(main)

    def _siblings(self, c: Clause, first: Draft, pos: int) -> None:
        """"... trả cho bà B 100.000.000 đồng và trả cho ông C 50.000.000 đồng": the same payer
        ordered to pay someone else in the same sentence."""
        while True:
            m = _SIBLING_RE.match(self.text, pos, c.end)
            if not m:
                return
            who, after = self._group_after(m.end(), c.end)
            ams = self.amounts_in(after, c.end)
            if not who or not ams or ams[0].start - after > 40:
                return
            d = Draft("pay_money", first.span, first.item, obligors=list(first.obligors), joint=first.joint)
            d.obligees = [p for p, _ in who]
            d.party_spans = {p: sp for p, sp in first.party_spans.items() if p in first.obligors} | dict(who)
            self._set_amount(d, ams[0])
            self.obs.append(d)
            pos = self._after_amount(ams[0])

    def _summed_parts(self, d: Draft, main: AmountMatch, ams: list[AmountMatch], limit: int) -> None:
        """ "trả ... 100.000.000 đồng tiền gốc và 20.000.000 đồng tiền lãi": one payment of the sum,
        each amount labelled after it."""
        chain = [main]
        for x in ams[1:]:
            gap = self.text[self._after_amount(chain[-1]) : x.start]
            if (
                len(gap) > 70
                or not re.search(r"(?:,|\bvà\b)\s*$", gap)
                or re.search(r"trong\s+đó|gồm|trừ|còn|kể\s+từ|mỗi|tổng|=|/", gap, _I)
            ):
                break
            chain.append(x)
        if len(chain) < 2:
            return
        labels = []
        for k, x in enumerate(chain):
            end = chain[k + 1].start if k + 1 < len(chain) else min(limit, self._after_amount(x) + 50)
            label = re.split(r"\s+(?:và|cho)\s+|[,;.]", self.text[self._after_amount(x) : end])[0]
            if not re.match(r"\s*(?:tiền|nợ|lãi|khoản|chi\s+phí|phí)", label, _I):
                return
            labels.append(label)
        for x, label in zip(chain, labels, strict=True):
            self._add_component(d, label, x)
        d.amount_vnd = sum(x.value for x in chain)
        d.conf = min(d.conf, 0.7)

    def _main_amount(self, ams: list[AmountMatch]) -> AmountMatch:
        main = ams[0]
        for k, x in enumerate(ams[1:], 1):
            prev = ams[k - 1]
            if _ARITH_RE.fullmatch(self.text[prev.end : x.start]) or re.fullmatch(
                r"\s*=\s*", self.text[prev.end : x.start]
            ):
                main = x
            else:
                break
        head = self.text[max(0, main.start - 60) : main.start]
        for k, x in enumerate(ams):
            if x.start <= main.start or not _TOTAL_RE.search(self.text[max(0, x.start - 40) : x.start]):
                continue
            parts = [y for y in ams[:k] if y.start >= main.start]
            # "gồm: ... ; tổng cộng: Z", or "tiền gốc X, tiền lãi Y, tổng cộng Z" with X + Y = Z
            if _COMP_START_RE.search(head) or sum(y.value for y in parts) == x.value:
                return x
        return main

    def _set_amount(self, d: Draft, am: AmountMatch) -> None:
        from docproc.text import words_to_amount

        if not am.words:  # "2.500.000 đồng/tháng (Hai triệu năm trăm nghìn đồng)"
            m = re.match(
                r"\s*/\s*(?:01\s+)?(?:tháng|năm)\s*\(\s*(?:bằng\s+chữ\s*:?\s*)?([^()]+?)\s*\)",
                self.text[am.end :],
            )
            if m and words_to_amount(m.group(1)) == am.value:
                s0 = am.end + m.start(1)
                am = dataclasses.replace(am, words=m.group(1), words_span=(s0, s0 + len(m.group(1))))
        d.amount, d.amount_vnd = am, am.value

        if am.words:
            d.extra.pop("_words_mismatch", None)
            if words_to_amount(am.words) == am.value:
                d.conf = 0.95
            else:
                d.conf = 0.5
                d.extra["_words_mismatch"] = True

    def _periodic(self, d: Draft, c: Clause, am: AmountMatch) -> None:
        after = self.text[am.end : min(c.end, self._after_amount(am) + 12)]
        before = self.text[max(c.start, am.start - 40) : am.start]
        if not (
            _PERIOD_AFTER_RE.match(self.text, self._after_amount(am))
            or _PERIOD_AFTER_RE.match(after)
            or _PERIOD_BEFORE_RE.search(before)
        ):
            return
        d.extra["period"] = "monthly"
        t = self.text[c.start : c.end]
        mm = _FROM_MONTH_RE.search(t)
        if mm:
            d.extra["start_date"] = f"{int(mm.group('y')):04d}-{int(mm.group('m')):02d}-01"
            return
        for fm in _FROM_RE.finditer(t):
            dates = [
                x for x in find_dates(t[fm.start() : fm.start() + 60]) if x.start <= fm.end() - fm.start() + 2
            ]
            if dates:
                d.extra["start_date"] = dates[0].value.isoformat()
                return

    def _components(
        self, d: Draft, main: AmountMatch, end: int, lines: list[tuple[int, int]] | None = None
    ) -> None:
        """Parts of the total: "trong đó: nợ gốc X, lãi trong hạn Y, lãi quá hạn Z"."""
        after = self._after_amount(main)
        cm = _COMP_START_RE.search(self.text, after, end)
        if not cm or cm.start() - after > 250 or self.amounts_in(after, cm.start()):
            return
        stop = _COMP_STOP_RE.search(self.text, cm.end(), end)
        seg_end = stop.start() if stop else end
        parts = self.amounts_in(cm.end(), seg_end)
        prev = cm.end()
        for x in parts:
            label = self.text[prev : x.start]
            self._add_component(d, label, x)
            prev = self._after_amount(x)

    def _add_component(self, d: Draft, label: str, x: AmountMatch) -> None:
        key = _key(label, _COMP_KEYS) or "other"
        value = -x.value if key == "deposit_offset" else x.value
        base = key
        n = 2
        while key in d.components:
            key = f"{base}_{n}"
            n += 1
        d.components[key] = value
        d.comp_spans[key] = (x.start, x.end)

    def _foreign(self, a: int, b: int) -> dict:
        t = self.text[a:b]
        m = re.search(r"(?P<amt>\d[\d.,]*)\s*(?P<cur>USD|EUR|JPY|CNY|GBP|AUD|SGD|KRW)\b", t)
        if not m:
            return {}
        rate = re.search(
            r"tỷ\s+giá[^;]*?(?:là\s+)?(?P<r>\d[\d.,]*)\s*(?:đồng|VNĐ|VND|đ)\s*/\s*" + m.group("cur"), t, _I
        )
        from docproc.text import parse_amount

        amt = parse_amount(m.group("amt"))
        out: dict = {"currency": m.group("cur"), "amount": amt}
        if rate:
            out["rate_vnd"] = parse_amount(rate.group("r"))
        label = t[max(0, m.start() - 40) : m.start()]
        key = _key(label, _COMP_KEYS)
        if key:
            out["applies_to"] = key
        return {"foreign_currency": out}

    def _continuation(self, i: int, c: Clause, d: Draft) -> None:
        """The rest of an order on the following sentences and list lines of its item: the parts of
        the total on list lines, what remains after a deduction, the shares of joint debtors."""
        ends_colon = self.text[c.start : c.end].rstrip().endswith(":")
        list_parts = ends_colon and not d.components
        shares: dict[str, int] = {}
        remain_box: list[tuple[AmountMatch, list[tuple[str, tuple[int, int]]]]] = []
        self._scan_remainder(c.start, c.end, d, shares=shares, remain_box=remain_box)
        for j in range(i + 1, len(self.clauses)):
            cj = self.clauses[j]
            same = cj.item == c.item or in_item(cj.item, c.item)
            if not same or cj.legal or cj.closing:
                break
            t = self.text[cj.start : cj.end]
            if _STOP_RE.match(t) or self.is_trigger(cj) or _SEC_REQ_RE.search(t) or _SEC_HOLD_RE.search(t):
                break
            if _LI_CONTRACT_RE.search(t) or (_LI_STAT_RE.search(t) and _LI_KEYS_RE.search(t)):
                break
            if _INSTAL_RE.match(t):
                self._instalment(cj, t)
                self.consumed.add(j)
                continue
            if list_parts and cj.marker in ("dash", "let"):
                ams = self.amounts_in(cj.start, cj.end)
                if ams:
                    self._add_component(d, t[: ams[0].start - cj.start], ams[-1])
                    if "foreign_currency" not in d.extra:
                        d.extra.update(self._foreign(cj.start, cj.end))
                self.consumed.add(j)
                continue
            dm = _DUE_RE.search(t)
            if dm:
                dates = find_dates(t[dm.end() :])
                if dates:
                    d.extra["due_date"] = dates[0].value.isoformat()
            self._scan_remainder(cj.start, cj.end, d, shares=shares, remain_box=remain_box)
            self.consumed.add(j)
        if remain_box:
            am, who = remain_box[-1]
            if am.value < (d.amount_vnd or 0):
                d.extra["already_paid"] = d.amount_vnd - am.value
            total_conf = d.conf
            self._set_amount(d, am)
            d.conf = min(d.conf, total_conf)
            inter = [p for p, _ in who if p in d.obligors]
            if inter and set(inter) != set(d.obligors):
                d.obligors = inter
                d.joint = d.joint and len(inter) > 1
        if shares and len(d.obligors) > 1:
            d.extra["shares"] = {p: v for p, v in shares.items() if p in d.obligors}
        # A total ordered "như sau:" with no amount: the sub-items carry the amounts.

    def _scan_remainder(
        self,
        a: int,
        b: int,
        d: Draft,
        *,
        shares: dict[str, int],
        remain_box: list,
    ) -> None:
        t = self.text[a:b]
        kw = _SHARE_CTX_RE.search(t)
        if (
            kw
            and (d.joint or len(d.obligors) > 1)
            and not _EACH_RE.search(self.text[d.span[0] : d.amount.start if d.amount else d.span[0]])
        ):
            for pid, (_ms, me) in self.pids_in(a + kw.start(), b):
                if pid not in d.obligors:
                    continue
                nxt = [x for x in self.amounts_in(me, b) if x.start - me < 80]
                if nxt and not re.search(
                    r"được\s+trừ|đã\s+(?:bồi|nộp|trả)", self.text[me : nxt[0].start], _I
                ):
                    shares[pid] = nxt[0].value
            for x in self.amounts_in(a, b):
                if re.search(
                    r"mỗi\s+(?:bị\s+cáo|người)[^.;\d]{0,40}$", self.text[max(a, x.start - 60) : x.start], _I
                ):
                    for p in d.obligors:
                        shares.setdefault(p, x.value)
        for m in _REMAIN_RE.finditer(t):
            ams = [x for x in self.amounts_in(a + m.end(), b) if x.start > (d.amount.end if d.amount else 0)]
            if not ams:
                continue
            seg_start = max((x.end() for x in re.finditer(r"[;,]|\.\s", t[: m.start()])), default=0)
            who = self.pids_in(a + seg_start, a + m.start())
            plural = re.search(r"liên\s+đới", m.group(0), _I) or re.match(
                r"\s*(?:tổng\s+số\s+tiền\s+)?(?:các|những|hai)\b", t[seg_start : m.start()], _I
            )
            in_share = _SHARE_CTX_RE.search(t[: m.start()])
            if len(who) == 1 and len(d.obligors) > 1 and who[0][0] in d.obligors and in_share and not plural:
                shares[who[0][0]] = ams[0].value  # one debtor's remaining share
                continue
            remain_box.append((ams[0], [] if plural else who))

    def _non_money(
        self,
        i: int,
        c: Clause,
        start: int,
        m: re.Match[str],
        verb: str,
        subj: list[tuple[str, tuple[int, int]]],
        ve: int,
        limit: int,
    ) -> int:
        if not subj:
            return ve
        money_verb = re.fullmatch(_MONEY_VERBS, verb, _I) is not None and verb not in ("trả lại",)
        give = re.fullmatch(_GIVE_VERBS, verb, _I) is not None or verb == "trả lại"
        if money_verb:
            if re.search(r"\bsố\s+tiền|khoản\s+(?:nợ|tiền)", self.text[ve:limit], _I) and self.parent is None:
                # "Buộc A phải trả cho B các khoản nợ ... như sau:": the sub-items carry the amounts.
                d = Draft("pay_money", (c.start, c.end), c.item, obligors=[p for p, _ in subj])
                obligees = [x for x in self.pids_in(ve, c.end) if x[0] not in d.obligors]
                d.obligees = [p for p, _ in obligees[:1]]
                d.party_spans = dict(subj + obligees[:1])
                self._children(i, c, d)
            elif re.search(r"như\s+sau\s*:?\s*$|:\s*$", self.text[ve : c.end], _I):
                d = Draft("pay_money", (c.start, c.end), c.item, obligors=[p for p, _ in subj])
                obligees = [x for x in self.pids_in(ve, c.end) if x[0] not in d.obligors]
                d.obligees = [p for p, _ in obligees[:1]]
                d.party_spans = dict(subj + obligees[:1])
                self._children(i, c, d)
            return c.end
        d = Draft("perform_act", (c.start, c.end), c.item, obligors=[p for p, _ in subj])
        d.party_spans = dict(subj)
        rest = self.text[ve:limit]
        if give:
            lead = re.match(r"\s*(?:lại\s+)?cho\s+", rest, _I)
            if lead:
                who, after = self._group_after(ve + lead.end(), limit)
                region = (after, limit)
            else:
                cho = None
                for mm in re.finditer(r"\bcho\s+", rest, _I):
                    g, _ = self._group_after(ve + mm.end(), limit)
                    if g:
                        cho = mm
                        break
                who = self._group_after(ve + cho.end(), limit)[0] if cho else []
                region = (ve, ve + cho.start() if cho else limit)
            idx = self._assets_from(
                region[0], region[1], "delivery", c.item, default_owners=who, owners_win=True
            )
            if idx:
                d.kind = "deliver_asset"
                d.extra["assets_delivered"] = idx
            d.obligees = [p for p, _ in who if p not in d.obligors]
            d.party_spans.update(dict(who))
        if not d.obligees:
            cho = re.search(r"\bcho\s+", self.text[ve : c.end], _I)
            others = self._group_after(ve + cho.end(), c.end)[0] if cho else []
            others = [x for x in others if x[0] not in d.obligors]
            if not others:
                others = [x for x in self.pids_in(ve, c.end) if x[0] not in d.obligors]
            d.obligees = [p for p, _ in others]
            d.party_spans.update(dict(others))
        if not d.obligees:
            # "A có nghĩa vụ tháo dỡ ...": for the same counterparty as the order before it in the item
            top = c.item.split(".")[0]
            prev = next(
                (o for o in reversed(self.obs) if in_item(o.item, top) and set(o.obligors) & set(d.obligors)),
                None,
            )
            if prev is not None:
                d.obligees = list(prev.obligees)
                d.party_conf = 0.6
        d.conf = 0.75
        self.obs.append(d)
        return c.end

    def _children(self, i: int, c: Clause, parent: Draft) -> None:
        """Sub-items of an order without an amount, each a payment of its own ("2.1. Theo Hợp đồng
        tín dụng số ...: số tiền X, gồm ...")."""
        for j in range(i + 1, len(self.clauses)):
            cj = self.clauses[j]
            if not (cj.item != c.item and in_item(cj.item, c.item)) and not (
                cj.marker == "dash" and cj.item == c.item
            ):
                if cj.marker or self.clauses[j - 1].line != cj.line:
                    break
            t = self.text[cj.start : cj.end]
            if self.is_trigger(cj) or _STOP_RE.match(t):
                break
            ams = self.amounts_in(cj.start, cj.end)
            self.consumed.add(j)
            if not ams:
                continue
            main = ams[0]
            d = Draft(
                "pay_money",
                (cj.start, cj.end),
                cj.item,
                obligors=list(parent.obligors),
                obligees=list(parent.obligees),
                joint=parent.joint,
            )
            d.party_spans = dict(parent.party_spans)
            d.party_conf = 0.75
            self._set_amount(d, main)
            self._components(d, main, cj.end)
            self.obs.append(d)

    # -- statements applied at the end ------------------------------------------------------------------
    def _apply_statements(self) -> None:
        money = [d for d in self.obs if d.kind == "pay_money"]
        for st in self.statements:
            targets = self._targets(st, money)
            if st.kind.startswith("li"):
                for d in targets:
                    if not d.late_interest:
                        d.late_interest, d.li_span = True, st.span
            else:
                conf = 0.85 if (st.items or st.obligors or st.obligees) else 0.6
                for d in targets:
                    for k in st.assets:
                        if k not in d.secured_by:
                            d.secured_by.append(k)
                            d.sec_spans[k] = (st.span, conf)

    def _targets(self, st: _Statement, money: list[Draft]) -> list[Draft]:
        if st.kind == "li_contract":
            pool = [d for d in money if d.span[0] < st.pos or in_item(d.item, st.item.split(".")[0])]
        else:
            pool = money
        if st.items:
            hit = [d for d in pool if any(in_item(d.item, r) for r in st.items)]
            if hit:
                return hit
        if st.this_item:
            hit = [d for d in pool if d.item == st.item or in_item(d.item, st.item)]
            if hit:
                return hit
        if st.amounts and st.kind != "security":
            hit = [d for d in pool if d.amount_vnd in st.amounts]
            if hit:
                return hit
        hit = pool
        if st.obligors:
            hit = [d for d in hit if set(d.obligors) & set(st.obligors)]
        if st.obligees:
            hit = [d for d in hit if set(d.obligees) & set(st.obligees)]
        if st.kind == "security":
            hit = [d for d in hit if d.span[0] < st.pos] or hit
            if not (st.obligors or st.obligees):
                top = st.item.split(".")[0]
                hit = [d for d in hit if in_item(d.item, top)] or hit
        if st.kind == "li_contract" and not hit:
            hit = [d for d in pool if d.span[0] < st.pos]
        if not hit and not (st.obligors or st.obligees):
            return pool
        return hit

    # -- output -------------------------------------------------------------------------------------
    def build(self, ev: EvidenceBuilder) -> tuple[list[Obligation], list[Asset]]:
        keep_assets = sorted(range(len(self.assets)), key=lambda k: self.assets[k].span[0])
        aid = {k: f"A{n + 1}" for n, k in enumerate(keep_assets)}
        assets: list[Asset] = []
        for n, k in enumerate(keep_assets):
            d = self.assets[k]
            f = d.f
            ptr = f"/assets/{n}"
            assets.append(
                Asset(
                    id=aid[k],
                    kind=f.kind,
                    description=f.description,
                    owners=list(d.owners),
                    plot_number=f.plot_number,
                    map_sheet=f.map_sheet,
                    area_m2=f.area_m2,
                    address=f.address,
                    certificate=f.certificate,
                    plate=f.plate,
                    security_contract=f.security_contract,
                )
            )
            ev.add(ptr, d.span[0], d.span[1], d.conf)
            for name in (
                "description",
                "plot_number",
                "map_sheet",
                "area_m2",
                "address",
                "certificate",
                "plate",
                "security_contract",
            ):
                if getattr(f, name) is None:
                    continue
                if name + "_abs" in f.spans:
                    s0, e0 = f.spans[name + "_abs"]
                elif name in f.spans:
                    s0, e0 = d.base + f.spans[name][0], d.base + f.spans[name][1]
                else:
                    continue
                ev.add(f"{ptr}/{name}", s0, e0, 0.9 if name != "description" else 0.8)
            for j, p in enumerate(d.owners):
                sp = d.owner_spans.get(p)
                if sp:
                    ev.add(f"{ptr}/owners/{j}", sp[0], sp[1], d.owner_conf)
        drafts = sorted(self.obs, key=lambda d: (d.span[0], d.amount.start if d.amount else 0))
        obligations: list[Obligation] = []
        for n, d in enumerate(drafts):
            extra = {k: v for k, v in d.extra.items() if not k.startswith("_")}
            for key in ("assets_delivered", "assets_confiscated"):
                if key in extra:
                    extra[key] = [aid[k] for k in extra[key] if k in aid]
            ob = Obligation(
                id=f"O{n + 1}",
                kind=d.kind,
                obligors=list(d.obligors),
                obligees=list(d.obligees),
                joint=d.joint,
                amount_vnd=d.amount_vnd,
                amount_words=d.amount.words if d.amount and d.amount.words else None,
                components=dict(d.components),
                late_interest=d.late_interest,
                secured_by=[aid[k] for k in d.secured_by if k in aid],
                enforcement=d.enforcement,
                text=re.sub(r"\s+", " ", self.text[d.span[0] : d.span[1]]).strip(),
                **extra,
            )
            obligations.append(ob)
            ptr = f"/obligations/{n}"
            ev.add(ptr, d.span[0], d.span[1], min(d.conf, d.party_conf))
            ev.add(f"{ptr}/kind", d.span[0], d.span[1], 0.85)
            if d.amount is not None:
                ev.add(f"{ptr}/amount_vnd", d.amount.start, d.amount.end, d.conf)
                if d.amount.words_span:
                    ev.add(f"{ptr}/amount_words", d.amount.words_span[0], d.amount.words_span[1], d.conf)
            for role in ("obligors", "obligees"):
                for j, p in enumerate(getattr(d, role)):
                    sp = d.party_spans.get(p)
                    if sp:
                        ev.add(f"{ptr}/{role}/{j}", sp[0], sp[1], d.party_conf)
            for key, sp in d.comp_spans.items():
                ev.add(f"{ptr}/components/{key}", sp[0], sp[1], 0.85)
            if d.li_span:
                ev.add(f"{ptr}/late_interest", d.li_span[0], d.li_span[1], 0.8)
            for j, k in enumerate(x for x in d.secured_by if x in aid):
                sp, conf = d.sec_spans[k]
                ev.add(f"{ptr}/secured_by/{j}", sp[0], sp[1], conf)
        return obligations, assets
