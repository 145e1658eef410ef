"""The Han characters report language uses most, and how much of a text is made of them.

Real report text draws about half its Han characters or more from these (every line of the
seeds and the corpus openings with eight Han characters or more: 0.44 at least); text decoded
with the wrong code page (GB18030 bytes read as Big5, UTF-8 read as GBK) draws under a tenth,
because the characters a wrong decoding lands on are rare ones.
"""

from __future__ import annotations

# Frequent characters of report language, simplified and traditional forms.
COMMON_HAN = frozenset(
    "一三上下不与专业两严並个中为主举义九习乡书了事二于交人代以件任众优会传位体余作來例供依促保信"
    "個做健傳優充党入內全兩公共关兵具典内军农决况准出分切划列创利到制前創劃力办加务动助動務化区區"
    "十升华协協单印县参參及发取受召可台号司各合同名后向告员和員問善單嚴四围国國圍在地场坚域執培基"
    "堅報場境增士处多大央头好如委子学學安完定实审宣室家容實審对导将將專對導小就局层屆届展層履工市"
    "布师带師帶常干平年并幹广序应府度廣建开式引強强形役彻待律後得徹心必态思性总息情想意態應成我扎"
    "执批把抓抚护报持指按挥据排接推措提揮撫據支改放政效教整文断新斷方於施日时明是時普更書最會月有"
    "服期本机权村条来极构查标校核根格案條業極構標機權次正步民水求江決治況法活涉深清準点為照營爲牢"
    "特獲率环现班現理環生用电發的益监監目相盾省真眾督矛知研确確示社神科积程稳積穩究立站第等策筹管"
    "節範籌类精系納級素紧組結統經維綱網緊線編縣總織繞續级纲纳线组织经结绕统续维编网置署羣群義習老"
    "考职联聯職育能自臺與舉良色节范获華营落處號衆行街要規視覺规视觉解計訓記訪設評試話認誰調請論講"
    "證識議護计认训议记讲论设访证评识试话请谁调象負貫責資質负责质贯资走践踐軍轉转辦農达过运近进述"
    "退通造進運過道達部鄉重量金鎮镇長长門開間關门问间队防际院隊際障集電面革項領頭題類顧项顾领题風"
    "风餘首體高點黨龍龙"
)


def is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


def han_counts(text: str) -> tuple[int, int]:
    """(Han characters, of which common ones) in ``text``."""
    han = [char for char in text if is_han(char)]
    return len(han), sum(1 for char in han if char in COMMON_HAN)


def common_share(text: str) -> float:
    """Share of the sample's Han characters that are common report characters."""
    han, common = han_counts(text[:4000])
    return common / han if han else 0.0
