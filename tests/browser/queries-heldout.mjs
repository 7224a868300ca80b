// Held-out everyday queries on the sample data (data/), written without seeing the search's dictionary or the tuned query set.
// Each query imagines a resident's situation and is worded the way it would be typed on a phone;
// `href` lists every genuinely right target (a result matches when its link ends with one of them),
// `first: true` means the target must be the top result, otherwise any of the top three will do.
export const everyday = [
  // --- duty boundaries (each of the 9 at least twice) ---
  // environmental-noise
  { q: "楼下小厂半夜机器响", want: "the environmental-noise boundary or 环保局's industrial-noise item", href: ["boundaries/environmental-noise.html", "departments/huanbao.html#item-d02-3"] },
  { q: "工地夜里打桩吵死了", want: "the environmental-noise boundary or 城管局's night-construction-noise item", href: ["boundaries/environmental-noise.html", "departments/chengguan.html#item-d05-1"] },
  // water-pollution
  { q: "江面上好多鱼翻白肚", want: "the water-pollution boundary or 农业局's fishery-pollution item", href: ["boundaries/water-pollution.html", "departments/nongye.html#item-d04-4"] },
  { q: "半夜有船往江里倒脏泥", want: "the water-pollution boundary", href: ["boundaries/water-pollution.html"] },
  // waste-plastic-recycling
  { q: "收废塑料的晚上烧东西", want: "the waste-plastic-recycling boundary", href: ["boundaries/waste-plastic-recycling.html"] },
  { q: "收旧塑料的没执照", want: "the waste-plastic-recycling boundary or 市场监管局's unlicensed-business item", href: ["boundaries/waste-plastic-recycling.html", "departments/shichang.html#item-d01-3"] },
  // illegal-parking
  { q: "人行道上停满了车", want: "the illegal-parking boundary", href: ["boundaries/illegal-parking.html"] },
  { q: "公交站老有车乱停", want: "the illegal-parking boundary", href: ["boundaries/illegal-parking.html"] },
  // hazardous-chemicals
  { q: "油罐车翻了往江里漏", want: "the hazardous-chemicals boundary", href: ["boundaries/hazardous-chemicals.html"] },
  { q: "化工厂漏毒气哪个部门管", want: "the hazardous-chemicals boundary", href: ["boundaries/hazardous-chemicals.html"] },
  // illegal-land-use
  { q: "有人在稻田里盖房子", want: "the illegal-land-use boundary or 国土局's illegal-land-occupation item", href: ["boundaries/illegal-land-use.html", "departments/guotu.html#item-d06-2"] },
  { q: "村里有人占地建房举报", want: "the illegal-land-use boundary, 国土局's item or its land-case regime", href: ["boundaries/illegal-land-use.html", "departments/guotu.html#item-d06-2", "departments/guotu.html#regime-weifa-yongdi"] },
  // food-safety
  { q: "孩子在学校食堂吃坏肚子", want: "the food-safety boundary or a school-canteen regime", href: ["boundaries/food-safety.html", "departments/shichang.html#regime-zdcy", "departments/jiaoyu.html#regime-shitang-xiaoche"] },
  { q: "饭店吃出苍蝇投诉", want: "the food-safety boundary, 12315 complaints or catering supervision", href: ["boundaries/food-safety.html", "departments/shichang.html#item-d06-1", "departments/shichang.html#item-d02-4"] },
  // wage-arrears
  { q: "包工头跑了工资没拿到", want: "the wage-arrears boundary or 人力社保局's wage-complaint item", href: ["boundaries/wage-arrears.html", "departments/renshe.html#item-d06-2"] },
  { q: "老板欠工钱不给找谁", want: "the wage-arrears boundary, 人力社保局's wage-complaint item or its labour inspection brigade", href: ["boundaries/wage-arrears.html", "departments/renshe.html#item-d06-2", "departments/renshe.html#section-ldjc"] },
  // forest-fire
  { q: "上坟烧纸把山烧了", want: "the forest-fire boundary", href: ["boundaries/forest-fire.html"] },
  { q: "山上着火打哪个电话", want: "the forest-fire boundary or the forest fire-control office", href: ["boundaries/forest-fire.html", "departments/linye.html#section-slfh"] },

  // --- services, regimes and work items ---
  { q: "车被拖走了去哪找", want: "公安局's towing item, the parking-penalty regime or the parking boundary", href: ["departments/gongan.html#item-d03-2", "departments/gongan.html#regime-jtwf-cl", "boundaries/illegal-parking.html"] },
  { q: "乱停车罚多少钱", want: "the parking-penalty discretion regime or the parking boundary", href: ["departments/gongan.html#regime-jtwf-cl", "boundaries/illegal-parking.html"] },
  { q: "讨工钱请律师要钱吗", want: "司法局's legal-aid green channel for unpaid wages or the wage-arrears boundary", href: ["departments/sifa.html#item-d05-3", "boundaries/wage-arrears.html"] },
  { q: "电梯卡住人出不来", want: "the 96333 lift-rescue service", href: ["departments/shichang.html#service-dianti-jiuyuan"] },
  { q: "路灯坏了没人修", want: "the municipal-repair service or the street-light item", href: ["departments/chengguan.html#service-shizheng-baoxiu", "departments/chengguan.html#item-d06-2"] },
  { q: "自来水发黄找谁", want: "the water-supply hotline, tap-water quality supervision (住建局 or 卫计局)", href: ["departments/zhujian.html#service-gongshui-rexian", "departments/zhujian.html#item-d06-2", "departments/zhujian.html#regime-gongshui-shuizhi", "departments/weisheng.html#regime-yinyongshui-ggcs", "departments/weisheng.html#item-d03-2"] },
  { q: "老人走不动怎么办身份证", want: "the home-visit ID-card service", href: ["departments/gongan.html#service-shenfenzheng-shangmen"] },
  { q: "孩子上小学怎么报名", want: "the school-enrolment service or the catchment item", href: ["departments/jiaoyu.html#service-ruxue-zixun", "departments/jiaoyu.html#item-d02-1"] },
  { q: "上班受伤算不算工伤", want: "the work-injury recognition item or the work-injury office", href: ["departments/renshe.html#item-d05-1", "departments/renshe.html#section-gsbx"] },
  { q: "dianyu", want: "农业局's electrofishing item or its penalty-discretion regime (电鱼)", href: ["departments/nongye.html#item-d04-3", "departments/nongye.html#regime-nongye-cailiang"] },
  { q: "暴雨天后山会滑坡吗", want: "the geological-hazard warning service or the hazard-point patrol item", href: ["departments/guotu.html#service-dizai-yujing", "departments/guotu.html#item-d05-3"] },
  { q: "菜市场秤缺斤少两", want: "市场监管局's weights-and-measures item", href: ["departments/shichang.html#item-d04-2"] },
  { q: "渣土车一路掉泥", want: "城管局's spilled-construction-waste item or its discretion regime", href: ["departments/chengguan.html#item-d04-2", "departments/chengguan.html#regime-caliang-jizhun"] },
  { q: "清明上山能放鞭炮吗", want: "the forest-fire-risk and fire-prevention publicity service or the forest-fire boundary", href: ["departments/linye.html#service-senlin-huoxian", "boundaries/forest-fire.html"] },
  { q: "村里有没有免费律师", want: "the village legal-adviser service or the 12348 legal-advice service", href: ["departments/sifa.html#service-yicun-guwen", "departments/sifa.html#service-falv-zixun"] },
  { q: "违建", want: "illegal-building enforcement (城管局 regime/items, 国土局 item, land-use boundary)", href: ["departments/chengguan.html#regime-weijian-anjian", "departments/chengguan.html#duty-d03", "departments/chengguan.html#item-d03-1", "departments/chengguan.html#item-d03-2", "departments/guotu.html#item-d06-2", "boundaries/illegal-land-use.html"] },

  // --- departments by an everyday or older name, or pinyin initials ---
  { q: "工商局电话", want: "市场监管局 first (merged from the old 工商局)", href: ["departments/shichang.html"], first: true },
  { q: "卫生局在哪", want: "卫计局 first", href: ["departments/weisheng.html"], first: true },
  { q: "劳动局电话多少", want: "人力社保局 first", href: ["departments/renshe.html"], first: true },
  { q: "土地局在哪里", want: "国土局 first", href: ["departments/guotu.html"], first: true },
  { q: "cgj", want: "城管局 first (pinyin initials)", href: ["departments/chengguan.html"], first: true },
  { q: "sfj", want: "司法局 first (pinyin initials)", href: ["departments/sifa.html"], first: true },
];
