package dev.moa.membership.member;

/** Where a member lives, as the money-by-region report groups it: Korea's provinces and metropolitan cities. */
public enum Region {
    SEOUL, BUSAN, DAEGU, INCHEON, GWANGJU, DAEJEON, ULSAN, SEJONG, GYEONGGI, GANGWON, CHUNGBUK, CHUNGNAM, JEONBUK,
    JEONNAM, GYEONGBUK, GYEONGNAM, JEJU, OVERSEAS
}
